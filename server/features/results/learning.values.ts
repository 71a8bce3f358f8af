// The value lists of learning (its database enums), free of the database library so that the
// contracts, which the browser imports too, can use them.

export const testPhases = ['pre', 'post'] as const;
export type TestPhase = (typeof testPhases)[number];

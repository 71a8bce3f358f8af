// The value lists of participants (its database enums), free of the database library so that the
// contracts, which the browser imports too, can use them.

export const sexes = ['female', 'male', 'other'] as const;
export type Sex = (typeof sexes)[number];

export const ageBands = ['under_25', '25_34', '35_44', '45_54', '55_plus'] as const;
export type AgeBand = (typeof ageBands)[number];

export const positionLevels = ['junior', 'mid_level', 'senior', 'trainer'] as const;
export type PositionLevel = (typeof positionLevels)[number];

/** Why the facility may hold a person's data (GDPR art. 6): their consent, or the institution's public task. */
export const lawfulBases = ['consent', 'public_task'] as const;
export type LawfulBasis = (typeof lawfulBases)[number];

export const participationRoles = ['participant', 'trainer', 'speaker', 'observer'] as const;
export type ParticipationRole = (typeof participationRoles)[number];

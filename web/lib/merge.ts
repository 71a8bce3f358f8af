/**
 * Merging one person's change into a record someone else changed first (the answer was 412).
 * Values are the body a form sends, field by field: `base` is what the form was opened on, `mine`
 * what the person tried to save, `theirs` the record as it is now.
 */
export type Values = Record<string, unknown>;
export type Choice = 'mine' | 'theirs';

/** Same value, compared by content: arrays and objects as JSON with their keys in order. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Values).sort(([a], [b]) => a.localeCompare(b)))
      : v === undefined
        ? null
        : v,
  );
}

/**
 * The fields to ask about: those the person changed (mine differs from base) to something other
 * than what the record holds now, even where only they changed it, since they wrote it against a
 * record that is no longer there. A field they left alone, or changed to what the record now
 * holds, is no question.
 */
export function conflictingFields(base: Values, mine: Values, theirs: Values): string[] {
  return Object.keys(mine).filter(
    (field) => !sameValue(mine[field], base[field]) && !sameValue(mine[field], theirs[field]),
  );
}

/**
 * What to send: for each field of the change, the person's value where they changed it and chose
 * to keep it (or where it agrees with the record), the record's value everywhere else, so nothing
 * written by the other person is silently undone.
 */
export function mergedValues(
  base: Values,
  mine: Values,
  theirs: Values,
  choices: Readonly<Record<string, Choice>>,
): Values {
  const conflicts = new Set(conflictingFields(base, mine, theirs));
  return Object.fromEntries(
    Object.keys(mine).map((field) => {
      const touched = !sameValue(mine[field], base[field]);
      // A question not answered yet keeps what the person wrote, as the merge form first shows it.
      const keepMine = touched && (!conflicts.has(field) || choices[field] !== 'theirs');
      return [field, keepMine ? mine[field] : theirs[field]];
    }),
  );
}

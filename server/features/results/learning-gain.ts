/**
 * Normalised learning gain (Hake): the share of what a participant could still learn that they
 * learnt. Per participant (post − pre) / (max − pre); for a group, on the means of those who took
 * both tests: (mean post − mean pre) / (max − mean pre). Undefined (null) when there was nothing
 * left to learn (pre = max).
 */
export function normalisedGain(pre: number, post: number, max: number): number | null {
  if (max <= 0 || pre >= max) return null;
  return round((post - pre) / (max - pre));
}

export interface PairedScore {
  pre: number | null;
  post: number | null;
}

export function groupGain(scores: PairedScore[], max: number) {
  const paired = scores.filter((s): s is { pre: number; post: number } => s.pre !== null && s.post !== null);
  if (paired.length === 0) return { paired: 0, meanPre: null, meanPost: null, groupGain: null };
  const meanPre = paired.reduce((sum, s) => sum + s.pre, 0) / paired.length;
  const meanPost = paired.reduce((sum, s) => sum + s.post, 0) / paired.length;
  return {
    paired: paired.length,
    meanPre: round(meanPre),
    meanPost: round(meanPost),
    groupGain: normalisedGain(meanPre, meanPost, max),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

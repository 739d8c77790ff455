/**
 * A proficiency scale: ordered levels, one of which is the threshold of mastery
 * (e.g. 1 Beginning, 2 Developing, 3 Proficient ← mastery, 4 Advanced).
 */
export interface ProficiencyLevel {
  code: string;
  label: string;
  descriptor: string;
  value: number;
}

export interface ProficiencyScale {
  levels: ProficiencyLevel[];
  /** The code of the lowest level that counts as mastery. */
  masteryCode: string;
}

/** What is wrong with a scale, each problem with where it is; empty when the scale is sound. */
export function scaleProblems(scale: ProficiencyScale): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (scale.levels.length < 2) problems.push({ path: "levels", message: "a scale needs at least two levels" });
  const codes = new Set<string>();
  scale.levels.forEach((level, index) => {
    if (!Number.isFinite(level.value))
      problems.push({ path: `levels[${index}].value`, message: "must be a finite number" });
    if (codes.has(level.code))
      problems.push({ path: `levels[${index}].code`, message: `code "${level.code}" is used twice` });
    codes.add(level.code);
    const previous = scale.levels[index - 1];
    if (previous && !(level.value > previous.value))
      problems.push({
        path: `levels[${index}].value`,
        message: `levels must rise: ${level.value} does not exceed ${previous.value} of "${previous.code}"`,
      });
  });
  if (!codes.has(scale.masteryCode))
    problems.push({ path: "masteryCode", message: `"${scale.masteryCode}" is not one of the scale's levels` });
  return problems;
}

/** The value a score must reach to count as mastery. */
export function masteryValue(scale: ProficiencyScale): number {
  const level = scale.levels.find((candidate) => candidate.code === scale.masteryCode);
  if (!level) throw new Error(`mastery level ${scale.masteryCode} is not on the scale`);
  return level.value;
}

/** The highest level a score reaches, or null below the lowest level. */
export function levelOf(scale: ProficiencyScale, score: number): ProficiencyLevel | null {
  let reached: ProficiencyLevel | null = null;
  for (const level of scale.levels) if (score >= level.value) reached = level;
  return reached;
}

export function isMastery(scale: ProficiencyScale, score: number): boolean {
  return score >= masteryValue(scale);
}

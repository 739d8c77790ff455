import { z } from "zod";
import { type ProficiencyScale, scaleProblems } from "./proficiency-scale";

/** Where a framework (CFDocument) or one competency (CFItem) keeps its scale in CASE: an extension, so it travels with the package. */
export const SCALE_EXTENSION = "cairn:proficiencyScale";

/** The scale a framework uses when it names none: the common four-level scale, mastery at Proficient. */
export const DEFAULT_PROFICIENCY_SCALE: ProficiencyScale = {
  levels: [
    { code: "1", label: "Beginning", descriptor: "Shows initial understanding with help", value: 1 },
    { code: "2", label: "Developing", descriptor: "Shows partial understanding; some gaps remain", value: 2 },
    { code: "3", label: "Proficient", descriptor: "Shows full understanding independently", value: 3 },
    { code: "4", label: "Advanced", descriptor: "Applies the understanding in new situations", value: 4 },
  ],
  masteryCode: "3",
};

const scaleSchema = z.object({
  levels: z.array(
    z.object({ code: z.string(), label: z.string(), descriptor: z.string().default(""), value: z.number() }),
  ),
  masteryCode: z.string(),
});

/** A scale stored in a CASE object's extensions, when there is a sound one. */
function scaleIn(extensions: unknown): ProficiencyScale | null {
  const candidate = (extensions as Record<string, unknown> | undefined)?.[SCALE_EXTENSION];
  if (candidate === undefined) return null;
  const parsed = scaleSchema.safeParse(candidate);
  return parsed.success && scaleProblems(parsed.data).length === 0 ? parsed.data : null;
}

/** The scale that applies to an item: its own override, else its framework's, else the default. */
export function scaleFor(document: { extensions?: unknown }, item?: { extensions?: unknown }): ProficiencyScale {
  return scaleIn(item?.extensions) ?? scaleIn(document.extensions) ?? DEFAULT_PROFICIENCY_SCALE;
}

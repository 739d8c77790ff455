import type { MasteryItem, Progress } from "@cairn/core";

export interface SkillChoice {
  itemId: string;
  code: string | null;
  statement: string;
  frameworkId: string;
}

export interface SkillGroup {
  key: string;
  /** A class's name, or null for the other skills with evidence in a framework (named by `framework`). */
  course: string | null;
  framework: string;
  choices: SkillChoice[];
}

/**
 * The skills a student or family may send evidence for: each class's skills this term, in
 * the course's order, then the other skills the student has evidence on, by framework.
 * A skill shared by two classes is offered under the first.
 */
export function skillGroups({
  courses,
  mastery,
}: {
  courses: Progress["courses"];
  mastery: readonly MasteryItem[];
}): SkillGroup[] {
  const frameworkTitle = new Map(mastery.map((item) => [item.framework.id, item.framework.title]));
  const offered = new Set<string>();
  const take = (choice: SkillChoice): SkillChoice[] => {
    if (offered.has(choice.itemId)) return [];
    offered.add(choice.itemId);
    return [choice];
  };
  const groups: SkillGroup[] = courses.flatMap((course) => {
    const choices = course.items.flatMap(({ itemId, code, statement, frameworkId }) =>
      take({ itemId, code, statement, frameworkId }),
    );
    const framework = frameworkTitle.get(choices[0]?.frameworkId ?? "") ?? "";
    return choices.length > 0 ? [{ key: course.sectionId, course: course.sectionName, framework, choices }] : [];
  });
  const others = new Map<string, SkillGroup>();
  for (const item of mastery) {
    const [choice] = take({
      itemId: item.itemId,
      code: item.code,
      statement: item.statement,
      frameworkId: item.framework.id,
    });
    if (!choice) continue;
    const group = others.get(item.framework.id) ?? {
      key: item.framework.id,
      course: null,
      framework: item.framework.title,
      choices: [],
    };
    group.choices.push(choice);
    others.set(item.framework.id, group);
  }
  return [...groups, ...others.values()];
}

import { buildFramework } from "./build-framework";

/** Lifelong-learning competencies: the habits students build across every subject and setting. */
export function habitsOfSuccess() {
  const habit = "Lifelong competency";
  const target = "Learning target";
  return buildFramework({
    key: "habits",
    title: "Habits of Success",
    description:
      "Lifelong and personal learning competencies, shown in class, at home, in the community and at work, and assessed with the same care as academic ones.",
    subject: "Lifelong learning",
    items: [
      { code: "HOS.1", statement: "Manages time and tasks to meet commitments.", type: habit, lifelong: true },
      {
        code: "HOS.1.1",
        statement: "Breaks a large task into steps with deadlines.",
        type: target,
        parent: "HOS.1",
        lifelong: true,
      },
      {
        code: "HOS.1.2",
        statement: "Keeps a plan up to date and adjusts it when things change.",
        type: target,
        parent: "HOS.1",
        lifelong: true,
      },
      { code: "HOS.2", statement: "Persists through challenges.", type: habit, lifelong: true },
      {
        code: "HOS.2.1",
        statement: "Tries another strategy when the first one does not work.",
        type: target,
        parent: "HOS.2",
        lifelong: true,
      },
      {
        code: "HOS.2.2",
        statement: "Asks for help at the right time and from the right person.",
        type: target,
        parent: "HOS.2",
        lifelong: true,
      },
      { code: "HOS.3", statement: "Reflects on learning.", type: habit, lifelong: true },
      {
        code: "HOS.3.1",
        statement: "Describes what was learned, how, and what to do next.",
        type: target,
        parent: "HOS.3",
        lifelong: true,
      },
      { code: "HOS.4", statement: "Works well with others in school and at work.", type: habit, lifelong: true },
      {
        code: "HOS.4.1",
        statement: "Communicates professionally with colleagues and supervisors.",
        type: target,
        parent: "HOS.4",
        lifelong: true,
      },
      {
        code: "HOS.4.2",
        statement: "Follows workplace expectations for safety, timeliness and conduct.",
        type: target,
        parent: "HOS.4",
        lifelong: true,
      },
    ],
    precedes: [
      ["HOS.1.1", "HOS.1.2"],
      ["HOS.2.1", "HOS.2.2"],
      ["HOS.3.1", "HOS.1.2"],
    ],
  });
}

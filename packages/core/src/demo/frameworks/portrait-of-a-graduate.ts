import { buildFramework } from "./build-framework";

/** Maplewood's Portrait of a Graduate: five traits, each with the competencies that show it. */
export function portraitOfAGraduate() {
  const trait = "Graduate profile trait";
  const competency = "Competency";
  return buildFramework({
    key: "portrait",
    title: "Portrait of a Maplewood Graduate",
    description:
      "What every Maplewood graduate can do, agreed with families, employers and students: the traits the district's competencies and learning targets serve.",
    subject: "Portrait of a Graduate",
    items: [
      { code: "POG.1", statement: "Critical thinker", type: trait, lifelong: true },
      {
        code: "POG.1.1",
        statement: "Analyses evidence and arguments before drawing conclusions.",
        type: competency,
        parent: "POG.1",
        lifelong: true,
      },
      {
        code: "POG.1.2",
        statement: "Solves unfamiliar problems by trying, testing and revising approaches.",
        type: competency,
        parent: "POG.1",
        lifelong: true,
      },
      { code: "POG.2", statement: "Effective communicator", type: trait, lifelong: true },
      {
        code: "POG.2.1",
        statement: "Writes and speaks clearly for different audiences and purposes.",
        type: competency,
        parent: "POG.2",
        lifelong: true,
      },
      {
        code: "POG.2.2",
        statement: "Listens to understand and responds to others' ideas.",
        type: competency,
        parent: "POG.2",
        lifelong: true,
      },
      { code: "POG.3", statement: "Collaborative contributor", type: trait, lifelong: true },
      {
        code: "POG.3.1",
        statement: "Shares responsibility for a team's work and its results.",
        type: competency,
        parent: "POG.3",
        lifelong: true,
      },
      {
        code: "POG.3.2",
        statement: "Works through disagreement respectfully toward a decision.",
        type: competency,
        parent: "POG.3",
        lifelong: true,
      },
      { code: "POG.4", statement: "Self-directed learner", type: trait, lifelong: true },
      {
        code: "POG.4.1",
        statement: "Sets learning goals, plans the steps and tracks progress.",
        type: competency,
        parent: "POG.4",
        lifelong: true,
      },
      {
        code: "POG.4.2",
        statement: "Seeks feedback and uses it to improve.",
        type: competency,
        parent: "POG.4",
        lifelong: true,
      },
      { code: "POG.5", statement: "Engaged citizen", type: trait, lifelong: true },
      {
        code: "POG.5.1",
        statement: "Understands how communities make decisions and takes part.",
        type: competency,
        parent: "POG.5",
        lifelong: true,
      },
      {
        code: "POG.5.2",
        statement: "Acts ethically and considers the effect of choices on others.",
        type: competency,
        parent: "POG.5",
        lifelong: true,
      },
    ],
    precedes: [["POG.4.1", "POG.4.2"]],
  });
}

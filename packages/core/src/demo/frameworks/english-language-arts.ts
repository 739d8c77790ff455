import { buildFramework } from "./build-framework";

/** Middle-grades English language arts as district competencies with learning targets and a prerequisite path. */
export function englishLanguageArts() {
  const competency = "Competency";
  const target = "Learning target";
  const grades = ["06", "07", "08"];
  return buildFramework({
    key: "ela",
    title: "English Language Arts Competencies, Grades 6–8",
    description:
      "The district's English language arts competencies for the middle grades, each with the learning targets students show mastery of.",
    subject: "English Language Arts",
    items: [
      {
        code: "ELA.R",
        statement: "Reads closely to understand and interpret complex texts.",
        type: competency,
        grades,
      },
      {
        code: "ELA.R.1",
        statement: "Cites textual evidence that supports an analysis of what a text says.",
        type: target,
        parent: "ELA.R",
        grades,
      },
      {
        code: "ELA.R.2",
        statement: "Determines a central idea or theme and how it develops over a text.",
        type: target,
        parent: "ELA.R",
        grades,
      },
      {
        code: "ELA.R.3",
        statement: "Analyses how an author's choices of structure and language shape meaning.",
        type: target,
        parent: "ELA.R",
        grades,
      },
      {
        code: "ELA.R.4",
        statement: "Compares how two texts treat the same topic or theme.",
        type: target,
        parent: "ELA.R",
        grades,
      },
      { code: "ELA.W", statement: "Writes clearly for a range of purposes and audiences.", type: competency, grades },
      {
        code: "ELA.W.1",
        statement: "Writes arguments that support claims with clear reasons and relevant evidence.",
        type: target,
        parent: "ELA.W",
        grades,
      },
      {
        code: "ELA.W.2",
        statement: "Writes informative texts that examine a topic and convey ideas clearly.",
        type: target,
        parent: "ELA.W",
        grades,
      },
      {
        code: "ELA.W.3",
        statement: "Writes narratives that develop experiences with effective technique and detail.",
        type: target,
        parent: "ELA.W",
        grades,
      },
      {
        code: "ELA.W.4",
        statement: "Plans, revises and edits writing, using feedback from peers and adults.",
        type: target,
        parent: "ELA.W",
        grades,
      },
      {
        code: "ELA.W.5",
        statement: "Conducts short research projects drawing on several credible sources.",
        type: target,
        parent: "ELA.W",
        grades,
      },
      { code: "ELA.S", statement: "Speaks and listens to build understanding with others.", type: competency, grades },
      {
        code: "ELA.S.1",
        statement: "Prepares for and takes part in collaborative discussions, building on others' ideas.",
        type: target,
        parent: "ELA.S",
        grades,
      },
      {
        code: "ELA.S.2",
        statement: "Presents claims and findings with relevant evidence, clear pronunciation and eye contact.",
        type: target,
        parent: "ELA.S",
        grades,
      },
      {
        code: "ELA.L",
        statement: "Uses the conventions of standard English and a growing vocabulary.",
        type: competency,
        grades,
      },
      {
        code: "ELA.L.1",
        statement: "Uses grammar, usage and punctuation correctly when writing and speaking.",
        type: target,
        parent: "ELA.L",
        grades,
      },
      {
        code: "ELA.L.2",
        statement: "Works out the meaning of unknown words from context, roots and reference materials.",
        type: target,
        parent: "ELA.L",
        grades,
      },
    ],
    precedes: [
      ["ELA.R.1", "ELA.R.2"],
      ["ELA.R.2", "ELA.R.3"],
      ["ELA.R.3", "ELA.R.4"],
      ["ELA.R.1", "ELA.W.1"],
      ["ELA.W.2", "ELA.W.5"],
      ["ELA.W.1", "ELA.W.4"],
      ["ELA.L.1", "ELA.W.4"],
      ["ELA.S.1", "ELA.S.2"],
      ["ELA.W.1", "ELA.S.2"],
    ],
  });
}

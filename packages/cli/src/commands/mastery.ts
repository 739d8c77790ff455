import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { CairnError, evaluateMastery, fitBkt, parseMasteryMethod, skillResponses } from "@cairn/core";
import type { Command } from "commander";
import { parse } from "csv-parse/sync";
import { printJson } from "../output";

/** `cairn mastery preview`: what a method makes of a row of scores, the same function the app stores values with. */
export function registerMastery(program: Command): void {
  const mastery = program.command("mastery").description("Mastery methods: how scores on an item become a level");
  registerBktFit(mastery);
  mastery
    .command("preview")
    .description("Print {value, mastered} for scores in date order under a mastery method, as JSON")
    .requiredOption(
      "--method <name>",
      "latest, highest, mean, decaying-average, standard-decaying-average, n-mastery or power-law",
    )
    .option("--param <key=value>", "a method parameter: weight, n, min-observations (repeatable)", collect, [])
    .option("--scale <min-max>", "the scale's range", "1-4")
    .requiredOption("--mastery <value>", "the score that counts as mastery")
    .requiredOption("--scores <list>", "scores, oldest first, separated by commas (may be empty)")
    .action((options: { method: string; param: string[]; scale: string; mastery: string; scores: string }) => {
      const params = Object.fromEntries(
        options.param.map((pair) => {
          const [key, ...rest] = pair.split("=");
          if (!key || rest.length === 0)
            throw new CairnError("validation", `--param takes key=value, got "${pair}"`, [
              { path: ["param"], message: pair },
            ]);
          return [key, rest.join("=")];
        }),
      );
      const method = parseMasteryMethod(options.method, params);
      const [min, max] = options.scale.split("-").map(Number);
      const masteryLevel = Number(options.mastery);
      if (min === undefined || max === undefined || !Number.isFinite(min) || !Number.isFinite(max) || min >= max)
        throw new CairnError("validation", `--scale takes min-max with min < max, got "${options.scale}"`);
      if (!Number.isFinite(masteryLevel) || masteryLevel < min || masteryLevel > max)
        throw new CairnError("validation", `--mastery must be on the scale ${min}-${max}, got "${options.mastery}"`);
      const scores = options.scores.trim() === "" ? [] : options.scores.split(",").map((text) => text.trim());
      const numbers = scores.map((text, index) => {
        const score = Number(text);
        if (text === "" || !Number.isFinite(score) || score < min || score > max)
          throw new CairnError("validation", `score ${index + 1} ("${text}") is not on the scale ${min}-${max}`, [
            { path: ["scores", index], message: text },
          ]);
        return score;
      });
      printJson(evaluateMastery(numbers, method, { min, max, mastery: masteryLevel }));
    });
}

/** `cairn mastery fit-bkt <responses.csv>`: Bayesian Knowledge Tracing parameters per skill, by EM. */
export function registerBktFit(mastery: Command): void {
  mastery
    .command("fit-bkt")
    .description(
      "Fit Bayesian Knowledge Tracing parameters (prior, learn, guess, slip) per skill from right/wrong responses",
    )
    .argument("<responses>", "CSV with columns student_id,skill_id,order,correct (correct: 1/0 or true/false)")
    .option("--restarts <n>", "random starting points per skill", "5")
    .option("--seed <n>", "seed for the starting points", "1")
    .option("--json", "print the result as JSON")
    .action(async (file: string, options: { restarts: string; seed: string; json?: boolean }) => {
      const responses = await readResponses(file);
      const restarts = Number(options.restarts);
      const seed = Number(options.seed);
      if (!Number.isInteger(restarts) || restarts < 1 || restarts > 50)
        throw new CairnError("validation", "--restarts must be a whole number from 1 to 50");
      const skills = [...responses].map(([skill, students]) => {
        const fit = fitBkt(
          skillResponses(
            [...students.values()].map((attempts) => attempts.sort((a, b) => a.order - b.order).map((a) => a.correct)),
          ),
          { restarts, seed },
        );
        const round = (value: number) => Math.round(value * 10_000) / 10_000;
        return {
          skill,
          students: students.size,
          responses: [...students.values()].reduce((sum, attempts) => sum + attempts.length, 0),
          prior: round(fit.prior),
          learn: round(fit.learn),
          guess: round(fit.guess),
          slip: round(fit.slip),
        };
      });
      if (options.json) printJson({ skills });
      else
        for (const skill of skills)
          process.stdout.write(
            `${skill.skill}: prior ${skill.prior}, learn ${skill.learn}, guess ${skill.guess}, slip ${skill.slip} (${skill.responses} responses)\n`,
          );
    });
}

type Attempt = { order: number; correct: boolean };

async function readResponses(file: string): Promise<Map<string, Map<string, Attempt[]>>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new CairnError("not_found", `cannot read ${file}: no such file`);
  }
  const name = basename(file);
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    const { lines, message } = error as { lines?: number; message: string };
    throw new CairnError("validation", "the file is not valid CSV", [{ file: name, row: lines, message }]);
  }
  const [header = [], ...rows] = records;
  const column = (wanted: string) => header.findIndex((title) => title.toLowerCase() === wanted);
  const [student, skill, order, correct] = ["student_id", "skill_id", "order", "correct"].map(column) as number[];
  const missing = ["student_id", "skill_id", "order", "correct"].filter(
    (_, index) => [student, skill, order, correct][index] === -1,
  );
  if (missing.length > 0)
    throw new CairnError(
      "validation",
      `the header lacks ${missing.join(", ")}`,
      missing.map((title) => ({ file: name, row: 1, column: title, message: "missing" })),
    );
  const problems: { file: string; row: number; column: string; message: string }[] = [];
  const bySkill = new Map<string, Map<string, Attempt[]>>();
  rows.forEach((values, index) => {
    const row = index + 2;
    const position = Number(values[order as number]);
    const outcome = (values[correct as number] ?? "").toLowerCase();
    if (!Number.isFinite(position))
      problems.push({ file: name, row, column: "order", message: `"${values[order as number]}" is not a number` });
    if (!["1", "0", "true", "false"].includes(outcome))
      problems.push({
        file: name,
        row,
        column: "correct",
        message: `"${values[correct as number]}" must be 1, 0, true or false`,
      });
    const skillId = values[skill as number] ?? "";
    const studentId = values[student as number] ?? "";
    if (skillId === "") problems.push({ file: name, row, column: "skill_id", message: "is required" });
    if (studentId === "") problems.push({ file: name, row, column: "student_id", message: "is required" });
    const students = bySkill.get(skillId) ?? new Map<string, Attempt[]>();
    bySkill.set(skillId, students);
    students.set(studentId, [
      ...(students.get(studentId) ?? []),
      { order: position, correct: outcome === "1" || outcome === "true" },
    ]);
  });
  if (problems.length > 0)
    throw new CairnError(
      "validation",
      `the responses have ${problems.length} problem(s); nothing was fitted`,
      problems.slice(0, 50),
    );
  return bySkill;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { simulateBkt } from "@cairn/core";
import { afterAll, describe, expect, it } from "vitest";
import { cliOnFreshDataDir } from "../testing";

const { cli, dataDir, remove } = cliOnFreshDataDir();
afterAll(remove);

const preview = async (...args: string[]) => {
  const run = await cli("mastery", "preview", ...args);
  return { ...run, json: run.code === 0 ? JSON.parse(run.stdout) : null };
};

describe("cairn mastery preview", () => {
  it("prints the value and the verdict of the same function the app uses", async () => {
    expect(
      (await preview("--method", "decaying-average", "--scale", "1-4", "--mastery", "3", "--scores", "2,3,4")).json,
    ).toEqual({
      value: 3.475,
      mastered: true,
    });
    expect(
      (
        await preview(
          "--method",
          "n-mastery",
          "--param",
          "n=3",
          "--param",
          "min-observations=2",
          "--mastery",
          "3",
          "--scores",
          "4,4",
        )
      ).json,
    ).toEqual({ value: 4, mastered: false });
    expect((await preview("--method", "latest", "--mastery", "3", "--scores", "")).json).toEqual({
      value: null,
      mastered: false,
    });
  });

  it("refuses an unknown method, a stray parameter and a score off the scale, with exit 2", async () => {
    for (const args of [
      ["--method", "median", "--mastery", "3", "--scores", "2"],
      ["--method", "latest", "--param", "weight=0.5", "--mastery", "3", "--scores", "2"],
      ["--method", "mean", "--mastery", "3", "--scores", "2,9"],
      ["--method", "mean", "--scale", "4-1", "--mastery", "3", "--scores", "2"],
    ]) {
      const run = await preview(...args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/^cairn: /);
    }
  });
});

describe("cairn mastery fit-bkt", () => {
  it("fits each skill of a responses file and finds the parameters the data came from", async () => {
    const truth = { prior: 0.3, learn: 0.15, guess: 0.2, slip: 0.1 };
    const lines = ["student_id,skill_id,order,correct"];
    for (const skill of ["fractions", "ratios"]) {
      const { outcomes, offsets } = simulateBkt(truth, { students: 3000, attempts: 20, seed: skill.length });
      for (let student = 0; student + 1 < offsets.length; student++)
        // Rows in reverse order: the command orders each student's attempts itself.
        for (let index = (offsets[student + 1] as number) - 1; index >= (offsets[student] as number); index--)
          lines.push(`s${student},${skill},${index - (offsets[student] as number) + 1},${outcomes[index]}`);
    }
    const file = join(dataDir, "responses.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const run = await cli("mastery", "fit-bkt", file, "--json");
    expect(run.code, run.stderr).toBe(0);
    const { skills } = JSON.parse(run.stdout);
    expect(skills.map((skill: { skill: string }) => skill.skill)).toEqual(["fractions", "ratios"]);
    for (const skill of skills)
      for (const key of ["prior", "learn", "guess", "slip"] as const)
        expect(Math.abs(skill[key] - truth[key]), key).toBeLessThan(0.03);
  });

  it("reports each bad row as file:row:column and fits nothing", async () => {
    const file = join(dataDir, "bad.csv");
    writeFileSync(file, "student_id,skill_id,order,correct\ns1,fractions,1,yes\ns1,,two,1\n");
    const run = await cli("mastery", "fit-bkt", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bad.csv:2:correct: "yes" must be 1, 0, true or false');
    expect(run.stderr).toContain("bad.csv:3:skill_id: is required");
    expect(run.stderr).toContain('bad.csv:3:order: "two" is not a number');
    writeFileSync(file, "student,skill\n");
    expect((await cli("mastery", "fit-bkt", file)).stderr).toContain(
      "the header lacks student_id, skill_id, order, correct",
    );
  });
});

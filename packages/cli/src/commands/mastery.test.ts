import { afterAll, describe, expect, it } from "vitest";
import { cliOnFreshDataDir } from "../testing";

const { cli, remove } = cliOnFreshDataDir();
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

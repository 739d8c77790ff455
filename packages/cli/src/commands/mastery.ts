import { CairnError, evaluateMastery, parseMasteryMethod } from "@cairn/core";
import type { Command } from "commander";
import { printJson } from "../output";

/** `cairn mastery preview`: what a method makes of a row of scores, the same function the app stores values with. */
export function registerMastery(program: Command): void {
  const mastery = program.command("mastery").description("Mastery methods: how scores on an item become a level");
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

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

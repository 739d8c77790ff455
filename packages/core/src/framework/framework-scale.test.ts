import { describe, expect, it } from "vitest";
import { DEFAULT_PROFICIENCY_SCALE, SCALE_EXTENSION, scaleFor } from "./framework-scale";

const threeLevels = {
  levels: [
    { code: "N", label: "Not yet", descriptor: "", value: 0 },
    { code: "M", label: "Meets", descriptor: "", value: 1 },
    { code: "E", label: "Exceeds", descriptor: "", value: 2 },
  ],
  masteryCode: "M",
};

describe("which scale applies", () => {
  it("is the item's own, else the framework's, else the default", () => {
    const framework = { extensions: { [SCALE_EXTENSION]: threeLevels } };
    const override = { ...threeLevels, masteryCode: "E" };
    expect(scaleFor({}, {})).toEqual(DEFAULT_PROFICIENCY_SCALE);
    expect(scaleFor(framework, {})).toEqual(threeLevels);
    expect(scaleFor(framework, { extensions: { [SCALE_EXTENSION]: override } }).masteryCode).toBe("E");
  });

  it("ignores a stored scale that is not sound, rather than grading with it", () => {
    const broken = { ...threeLevels, masteryCode: "Z" };
    expect(scaleFor({ extensions: { [SCALE_EXTENSION]: broken } })).toEqual(DEFAULT_PROFICIENCY_SCALE);
    expect(scaleFor({ extensions: { [SCALE_EXTENSION]: "four levels" } })).toEqual(DEFAULT_PROFICIENCY_SCALE);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { correctionRequestBodySchema, correctionResolutionBodySchema } from "./correction-schemas";
import { CORRECTION_DECISIONS, CORRECTION_STATUSES, CORRECTION_TEXT_MAX, resolveCorrectionStatus } from "./corrections";

describe("correction requests", () => {
  it("resolves an open request to the decision, and refuses any other as a conflict", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CORRECTION_STATUSES),
        fc.constantFrom(...CORRECTION_DECISIONS),
        (status, decision) => {
          if (status === "open") expect(resolveCorrectionStatus(status, decision)).toBe(decision);
          else
            expect(() => resolveCorrectionStatus(status, decision)).toThrow(
              expect.objectContaining({ code: "conflict" }),
            );
        },
      ),
    );
  });

  it("keeps any non-blank text within the limit exactly as written", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: CORRECTION_TEXT_MAX }).filter((text) => /\S/.test(text)),
        (description) => {
          const parsed = correctionRequestBodySchema.parse({ dataElement: "profile", description });
          expect(parsed.description).toBe(description);
        },
      ),
    );
    const hostile = `<script>alert(1)</script>'; drop table student; --`;
    expect(correctionRequestBodySchema.parse({ dataElement: "guardians", description: hostile }).description).toBe(
      hostile,
    );
  });

  it("refuses blank or overlong text, an unknown data element and unknown fields, naming the field", () => {
    const problems = [
      { dataElement: "profile", description: "   " },
      { dataElement: "profile", description: "x".repeat(CORRECTION_TEXT_MAX + 1) },
      { dataElement: "grades", description: "wrong" },
      { dataElement: "profile", description: "wrong", status: "accepted" },
    ].map((body) => correctionRequestBodySchema.safeParse(body).error?.issues[0]?.path);
    expect(problems).toEqual([["description"], ["description"], ["dataElement"], []]);
    expect(correctionResolutionBodySchema.safeParse({ status: "open", resolution: "ok" }).success).toBe(false);
    expect(correctionResolutionBodySchema.safeParse({ status: "rejected", resolution: "" }).success).toBe(false);
  });
});

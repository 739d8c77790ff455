import { describe, expect, it } from "vitest";
import { itemName, momentOfDay, readsAsFamily } from "./learning-text";
import { fieldOfDetail } from "./OutsideEvidenceFields";

describe("the form's helpers", () => {
  it("names a skill by its words first, its code after", () => {
    expect(itemName({ code: "7.RP.A.2", statement: "Recognize proportional relationships." })).toBe(
      "Recognize proportional relationships (7.RP.A.2)",
    );
    expect(itemName({ code: null, statement: "Collaborates." })).toBe("Collaborates");
  });

  it("places each API problem next to the field it names", () => {
    expect(fieldOfDetail(["body", "title"])).toBe("title");
    expect(fieldOfDetail(["body", "occurredAt"])).toBe("date");
    expect(fieldOfDetail(["body", "scores", 0, "itemId"])).toBe("skill");
    expect(fieldOfDetail(["body", "scores", "0", "level"])).toBe("level");
    expect(fieldOfDetail(["body", "scores", 0])).toBe("level");
    expect(fieldOfDetail(["body", "scores"])).toBe("skill");
    expect(fieldOfDetail(["body", "attachmentIds", 0])).toBe("file");
    expect(fieldOfDetail(["body", "supersedesId"])).toBeNull();
    expect(fieldOfDetail(["querystring", "fileName"])).toBeNull();
    expect(fieldOfDetail(undefined)).toBeNull();
  });

  it("never sends a moment later than now for today", () => {
    const now = new Date(2026, 10, 2, 9, 30);
    expect(momentOfDay("2026-11-02", now)).toBe(now.toISOString());
    expect(momentOfDay("2026-10-24", now)).toBe(new Date(2026, 9, 24, 12).toISOString());
  });

  it("lets the student and their guardians record as family, not staff", () => {
    const me = (id: string, role: "student" | "guardian" | "teacher", studentIds: string[]) => ({
      person: { id, givenName: "A", familyName: "B", email: null, preferredLanguage: "en" },
      roles: [{ role, stateId: null, districtId: null, schoolId: null }],
      scope: { stateIds: [], districtIds: [], schoolIds: [], sectionIds: [], studentIds },
    });
    expect(readsAsFamily(me("kid", "student", ["kid"]), "kid")).toBe(true);
    expect(readsAsFamily(me("parent", "guardian", ["kid"]), "kid")).toBe(true);
    expect(readsAsFamily(me("parent", "guardian", ["kid"]), "other")).toBe(false);
    expect(readsAsFamily(me("teacher", "teacher", []), "kid")).toBe(false);
    expect(readsAsFamily(null, "kid")).toBe(false);
  });
});

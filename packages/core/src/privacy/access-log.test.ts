import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AccessEntry,
  accessPurpose,
  type ChainedEntry,
  findChainBreak,
  GENESIS_HASH,
  hashAccessEntry,
  isAdult,
} from "./access-log";

const entryArbitrary = fc.record({
  actorPersonId: fc.option(fc.uuid(), { nil: null }),
  actorName: fc.string(),
  actorRoles: fc.array(fc.constantFrom("teacher", "guardian", "district_admin")),
  action: fc.constantFrom("read_student_record" as const, "export_student_record" as const),
  studentId: fc.uuid(),
  dataElements: fc.array(fc.constantFrom("profile", "demographics", "guardians", "sections")),
  purpose: fc.constantFrom("educational_interest" as const, "family_access" as const),
  occurredAt: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
});

function chain(entries: Omit<AccessEntry, "districtId" | "sequence">[]): ChainedEntry[] {
  let previousHash = GENESIS_HASH;
  return entries.map((fields, index) => {
    const entry = { ...fields, districtId: "d1", sequence: index + 1 };
    const hash = hashAccessEntry(previousHash, entry);
    const chained = { ...entry, previousHash, hash };
    previousHash = hash;
    return chained;
  });
}

describe("the access log hash chain", () => {
  it("holds for entries chained in order", () => {
    fc.assert(
      fc.property(fc.array(entryArbitrary, { maxLength: 20 }), (entries) => {
        expect(findChainBreak(chain(entries))).toBeNull();
      }),
    );
  });

  it("finds any altered field of any entry", () => {
    fc.assert(
      fc.property(
        fc.array(entryArbitrary, { minLength: 1, maxLength: 10 }),
        fc.nat(),
        fc.constantFrom("actorName", "studentId", "purpose", "occurredAt", "dataElements"),
        (entries, pick, field) => {
          const chained = chain(entries);
          const index = pick % chained.length;
          const target = chained[index] as ChainedEntry;
          const altered: ChainedEntry = {
            ...target,
            actorName: field === "actorName" ? `${target.actorName}x` : target.actorName,
            studentId: field === "studentId" ? "someone-else" : target.studentId,
            purpose:
              field === "purpose"
                ? target.purpose === "family_access"
                  ? "educational_interest"
                  : "family_access"
                : target.purpose,
            occurredAt: field === "occurredAt" ? "1999-01-01T00:00:00.000Z" : target.occurredAt,
            dataElements: field === "dataElements" ? [...target.dataElements, "transcript"] : target.dataElements,
          };
          chained[index] = altered;
          expect(findChainBreak(chained)?.sequence).toBe(index + 1);
        },
      ),
    );
  });

  it("finds a removed or reordered entry", () => {
    fc.assert(
      fc.property(fc.array(entryArbitrary, { minLength: 3, maxLength: 10 }), fc.nat(), (entries, pick) => {
        const chained = chain(entries);
        const index = pick % (chained.length - 1);
        const removed = chained.filter((_, position) => position !== index);
        expect(findChainBreak(removed)).not.toBeNull();
        const swapped = [...chained];
        [swapped[index], swapped[index + 1]] = [swapped[index + 1] as ChainedEntry, swapped[index] as ChainedEntry];
        expect(findChainBreak(swapped)).not.toBeNull();
      }),
    );
  });

  it("is pinned to SHA-256 of the canonical fields", () => {
    const entry: AccessEntry = {
      districtId: "d1",
      sequence: 1,
      occurredAt: "2026-11-02T15:00:00.000Z",
      actorPersonId: null,
      actorName: "A",
      actorRoles: [],
      action: "read_student_record",
      studentId: "s1",
      dataElements: ["profile"],
      purpose: "educational_interest",
    };
    // Computed independently: printf %s '["000…000","d1",1,"2026-11-02T15:00:00.000Z",null,"A",[],
    // "read_student_record","s1",["profile"],"educational_interest"]' | sha256sum (64 zeros in full).
    expect(hashAccessEntry(GENESIS_HASH, entry)).toBe(
      "2af6bd69c2c1a01b60ab6907745d179d3e1cabfa82acef9cd15471ae10c9ecee",
    );
  });
});

describe("accessPurpose and isAdult", () => {
  it("names the purpose from the relation, closest first", () => {
    expect(accessPurpose({ isSelf: true, isGuardian: false, roles: ["student"] })).toBe("self_access");
    expect(accessPurpose({ isSelf: false, isGuardian: true, roles: ["guardian", "teacher"] })).toBe("family_access");
    expect(accessPurpose({ isSelf: false, isGuardian: false, roles: ["teacher"] })).toBe("educational_interest");
    expect(accessPurpose({ isSelf: false, isGuardian: false, roles: ["district_admin"] })).toBe(
      "district_administration",
    );
  });

  it("makes a student an adult on their 18th birthday, leap days included", () => {
    expect(isAdult("2008-11-22", "2026-11-21")).toBe(false);
    expect(isAdult("2008-11-22", "2026-11-22")).toBe(true);
    expect(isAdult("2008-02-29", "2026-02-28")).toBe(false);
    expect(isAdult("2008-02-29", "2026-03-01")).toBe(true);
  });
});

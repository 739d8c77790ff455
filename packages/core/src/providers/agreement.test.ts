import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import type { StudentDetail } from "../people/schemas";
import { STUDENT_DATA_ELEMENTS } from "../privacy/data-elements";
import {
  AGREEMENT_STATUSES,
  ELEMENT_FIELDS,
  isAgreementInForce,
  isPastDestruction,
  MAX_TOKEN_LIFETIME_DAYS,
  projectStudentRecord,
  requireElement,
  tokenExpiryProblem,
} from "./agreement";
import { createAgreementBodySchema } from "./schemas";

const day = fc
  .integer({ min: 0, max: 3000 })
  .map((offset) => new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));

const terms = fc.record({
  status: fc.constantFrom(...AGREEMENT_STATUSES),
  startsOn: day,
  endsOn: day,
  destroyBy: day,
});

const fullRecord: StudentDetail = {
  id: "00000000-0000-4000-8000-000000000001",
  districtId: "00000000-0000-4000-8000-000000000002",
  givenName: "Ava",
  familyName: "Martinez",
  schoolId: "00000000-0000-4000-8000-000000000003",
  schoolName: "Maplewood Middle",
  gradeLevel: "07",
  studentNumber: "S-1",
  birthDate: "2013-04-01",
  gender: "female",
  raceEthnicity: "hispanic_latino",
  economicallyDisadvantaged: false,
  englishLearner: true,
  disabilityStatus: "none",
  guardians: [],
  sections: [],
  mentors: [],
};

describe("whether an agreement is in force", () => {
  it("is exactly: active, started, not ended, and before the destruction date", () => {
    fc.assert(
      fc.property(terms, day, (agreement, today) => {
        const expected =
          agreement.status === "active" &&
          new Date(agreement.startsOn) <= new Date(today) &&
          new Date(today) <= new Date(agreement.endsOn) &&
          new Date(today) < new Date(agreement.destroyBy);
        expect(isAgreementInForce(agreement, today)).toBe(expected);
      }),
    );
  });

  it("is never in force on or after the destruction date, whatever the status and term", () => {
    fc.assert(
      fc.property(terms, day, (agreement, today) => {
        if (isPastDestruction(agreement, today)) expect(isAgreementInForce(agreement, today)).toBe(false);
      }),
    );
  });

  it("holds on its first and last day and not a day either side", () => {
    const agreement = { status: "active", startsOn: "2026-09-01", endsOn: "2027-06-30", destroyBy: "2027-09-30" };
    expect(isAgreementInForce(agreement, "2026-08-31")).toBe(false);
    expect(isAgreementInForce(agreement, "2026-09-01")).toBe(true);
    expect(isAgreementInForce(agreement, "2027-06-30")).toBe(true);
    expect(isAgreementInForce(agreement, "2027-07-01")).toBe(false);
    expect(isAgreementInForce({ ...agreement, status: "suspended" }, "2026-11-02")).toBe(false);
    expect(isAgreementInForce({ ...agreement, destroyBy: "2026-11-02" }, "2026-11-02")).toBe(false);
  });
});

describe("projecting a student's record onto an agreement", () => {
  const elements = fc.subarray([...STUDENT_DATA_ELEMENTS]);

  it("keeps every field of each allowed element and nothing of any other", () => {
    fc.assert(
      fc.property(elements, (allowed) => {
        const projected = projectStudentRecord(fullRecord, allowed);
        const expectedKeys = ["id", ...allowed.flatMap((element) => [...ELEMENT_FIELDS[element]])];
        expect(Object.keys(projected).sort()).toEqual(expectedKeys.sort());
        for (const key of expectedKeys)
          expect(projected[key as keyof typeof projected]).toEqual(fullRecord[key as keyof typeof fullRecord]);
      }),
    );
  });

  it("never discloses the district or a field an unknown element name might suggest", () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (allowed) => {
        const projected = projectStudentRecord(fullRecord, allowed);
        expect(projected).not.toHaveProperty("districtId");
        const known = allowed.filter((name) => (STUDENT_DATA_ELEMENTS as readonly string[]).includes(name));
        if (known.length === 0) expect(Object.keys(projected)).toEqual(["id"]);
      }),
    );
  });

  it("assigns every field of the record except the id and district to exactly one element", () => {
    const assigned = Object.values(ELEMENT_FIELDS).flat();
    expect(new Set(assigned).size).toBe(assigned.length);
    expect([...assigned, "id", "districtId"].sort()).toEqual(Object.keys(fullRecord).sort());
  });
});

describe("requireElement", () => {
  const provider = (dataElements: string[]): Viewer => ({
    kind: "provider",
    providerId: "p",
    providerName: "Reading App",
    agreementId: "a",
    districtId: "d",
    schoolIds: ["s"],
    dataElements,
  });

  it("lets a provider read or write exactly the allowed elements", () => {
    fc.assert(
      fc.property(
        fc.subarray([...STUDENT_DATA_ELEMENTS]),
        fc.constantFrom(...STUDENT_DATA_ELEMENTS),
        fc.constantFrom("read" as const, "write" as const),
        (allowed, element, mode) => {
          const call = () => requireElement(provider(allowed), element, mode);
          if (allowed.includes(element)) expect(call).not.toThrow();
          else expect(call).toThrow(expect.objectContaining({ code: "forbidden" }));
        },
      ),
    );
  });

  it("leaves people and the operator to their role policies", () => {
    expect(() => requireElement({ kind: "operator", name: "ops" }, "demographics", "write")).not.toThrow();
    expect(() => requireElement({ kind: "person", personId: "x", grants: [] }, "profile", "read")).not.toThrow();
  });
});

describe("token expiry", () => {
  const now = new Date("2026-11-02T15:00:00Z");
  it("must be in the future and at most a year away", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (days) => {
        const problem = tokenExpiryProblem(now, new Date(now.getTime() + days * 86_400_000));
        expect(problem === null).toBe(days > 0 && days <= MAX_TOKEN_LIFETIME_DAYS);
      }),
    );
  });
});

describe("the agreement form", () => {
  const valid = {
    providerId: "00000000-0000-4000-8000-000000000009",
    purpose: "Reading practice",
    dataElements: ["profile"],
    schoolIds: ["00000000-0000-4000-8000-000000000003"],
    startsOn: "2026-09-01",
    endsOn: "2027-06-30",
    retention: "until the end of the contract",
    destroyBy: "2027-09-30",
    breachContact: "security@reading.example",
  };

  it("accepts a complete agreement as a draft by default", () => {
    expect(createAgreementBodySchema.parse(valid).status).toBe("draft");
  });

  it("locates dates out of order, unknown elements and a destroyed status", () => {
    const result = createAgreementBodySchema.safeParse({
      ...valid,
      endsOn: "2026-08-01",
      dataElements: ["profile", "grades"],
      status: "destroyed",
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join(".")).sort();
    expect(paths).toEqual(expect.arrayContaining(["dataElements.1", "status"]));
  });

  it("refuses a destruction date on or before the end date", () => {
    const result = createAgreementBodySchema.safeParse({ ...valid, destroyBy: "2027-06-30" });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["destroyBy"]);
  });
});

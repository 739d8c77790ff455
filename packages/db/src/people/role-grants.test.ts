import type { Role } from "@cairn/core";
import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "../privacy/audit-list";
import { auditEvent, district, person, roleGrant, school } from "../schema";
import { type DemoTestBed, openDemoTestBed } from "../testing";
import { grantRole, revokeRole } from "./role-grants";

let bed: DemoTestBed;
let districtId: string;
let stateId: string;
let schoolId: string;
let otherDistrictId: string;
let otherSchoolId: string;
let outsider: string;
const personOf = (role: Role) => bed.account(role).personId;

beforeAll(async () => {
  bed = await openDemoTestBed({ students: 150 });
  [{ id: districtId, stateId }] = (await bed.database.db
    .select({ id: district.id, stateId: district.stateId })
    .from(district)) as [{ id: string; stateId: string }];
  [{ id: schoolId }] = (await bed.database.db.select({ id: school.id }).from(school).limit(1)) as [{ id: string }];
  // A second district in the same state, with a school and a person of its own.
  const [other] = await bed.database.db
    .insert(district)
    .values({ stateId, code: "other", name: "Other District" })
    .returning();
  otherDistrictId = other?.id ?? "";
  const [otherSchool] = await bed.database.db
    .insert(school)
    .values({
      districtId: otherDistrictId,
      code: "o1",
      name: "Other School",
      level: "elementary",
      lowestGrade: "KG",
      highestGrade: "05",
    })
    .returning();
  otherSchoolId = otherSchool?.id ?? "";
  const [someone] = await bed.database.db
    .insert(person)
    .values({ districtId: otherDistrictId, givenName: "Olive", familyName: "Outside" })
    .returning();
  outsider = someone?.id ?? "";
});
afterAll(async () => bed.destroy());

describe("granting and revoking roles", () => {
  it("lets a district admin make a mentor of someone in their district a teacher at one of its schools, audited", async () => {
    const mentor = personOf("mentor");
    const grant = await grantRole(bed.ctx("district_admin"), { personId: mentor, role: "teacher", schoolId });
    expect(grant).toMatchObject({ personId: mentor, role: "teacher", schoolId, districtId, stateId: null });
    const [event] = await bed.database.db.select().from(auditEvent).where(eq(auditEvent.subjectId, grant.id));
    expect(event).toMatchObject({
      action: "role_grant.created",
      districtId,
      actorName: "Priya Shah",
      details: { personId: mentor, role: "teacher", schoolId, districtId },
    });
    await expect(
      grantRole(bed.ctx("district_admin"), { personId: mentor, role: "teacher", schoolId }),
    ).rejects.toMatchObject({ code: "conflict" });
    await revokeRole(bed.ctx("district_admin"), grant.id);
    expect(await bed.database.db.select().from(roleGrant).where(eq(roleGrant.id, grant.id))).toEqual([]);
    const revoked = await bed.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, grant.id), eq(auditEvent.action, "role_grant.revoked")));
    expect(revoked).toHaveLength(1);
  });

  it("never lets a district admin grant or revoke a role above a district", async () => {
    for (const role of ["system_admin", "state_analyst"] as const) {
      await expect(
        grantRole(bed.ctx("district_admin"), {
          personId: personOf("mentor"),
          role,
          ...(role === "state_analyst" ? { stateId } : {}),
        }),
        role,
      ).rejects.toMatchObject({ code: "forbidden" });
    }
    const [analystGrant] = await bed.database.db
      .select({ id: roleGrant.id })
      .from(roleGrant)
      .where(eq(roleGrant.role, "state_analyst"));
    await expect(revokeRole(bed.ctx("district_admin"), analystGrant?.id ?? "")).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("keeps a district admin inside their district: other people and places are not found", async () => {
    await expect(
      grantRole(bed.ctx("district_admin"), { personId: outsider, role: "guardian", districtId }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      grantRole(bed.ctx("district_admin"), { personId: personOf("mentor"), role: "teacher", schoolId: otherSchoolId }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      grantRole(bed.ctx("district_admin"), {
        personId: personOf("mentor"),
        role: "guardian",
        districtId: otherDistrictId,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    const otherGrant = await grantRole(bed.ctx("system_admin"), {
      personId: outsider,
      role: "teacher",
      schoolId: otherSchoolId,
    });
    await expect(revokeRole(bed.ctx("district_admin"), otherGrant.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("lets a system admin grant any role anywhere, including above a district", async () => {
    const analyst = await grantRole(bed.ctx("system_admin"), {
      personId: personOf("district_admin"),
      role: "state_analyst",
      stateId,
    });
    expect(analyst).toMatchObject({ role: "state_analyst", stateId, districtId: null, schoolId: null });
    const [event] = await bed.database.db.select().from(auditEvent).where(eq(auditEvent.subjectId, analyst.id));
    expect(event).toMatchObject({ districtId: null, actorName: "Jordan Lee" });
    await revokeRole(bed.ctx("system_admin"), analyst.id);
  });

  it("refuses a place that does not fit the role, with the field named", async () => {
    await expect(
      grantRole(bed.ctx("system_admin"), { personId: personOf("mentor"), role: "teacher" }),
    ).rejects.toMatchObject({ code: "validation", details: [{ path: ["schoolId"] }] });
    await expect(
      grantRole(bed.ctx("system_admin"), { personId: personOf("mentor"), role: "guardian", districtId, schoolId }),
    ).rejects.toMatchObject({ code: "validation", details: [{ path: ["schoolId"] }] });
    await expect(
      grantRole(bed.ctx("system_admin"), { personId: personOf("mentor"), role: "state_analyst", stateId: districtId }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("lets nobody else change roles", async () => {
    const [grant] = await bed.database.db
      .select({ id: roleGrant.id })
      .from(roleGrant)
      .where(and(eq(roleGrant.role, "teacher"), ne(roleGrant.personId, personOf("teacher"))))
      .limit(1);
    for (const role of ["teacher", "school_leader", "guardian", "state_analyst", "student"] as const) {
      await expect(
        grantRole(bed.ctx(role), { personId: personOf("mentor"), role: "guardian", districtId }),
        role,
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(revokeRole(bed.ctx(role), grant?.id ?? ""), role).rejects.toMatchObject({ code: "forbidden" });
    }
  });
});

describe("the audit trail", () => {
  it("shows a district admin their district's changes and a system admin every change, newest first", async () => {
    const mine = await listAuditEvents(bed.ctx("district_admin"), { limit: 200, offset: 0 });
    const all = await listAuditEvents(bed.ctx("system_admin"), { limit: 200, offset: 0 });
    expect(mine.events.every((event) => event.districtId === districtId)).toBe(true);
    expect(mine.total).toBeGreaterThan(0);
    // The other district's grant and the state-level one are only in the system admin's view.
    expect(all.total).toBeGreaterThan(mine.total);
    expect(all.events.some((event) => event.districtId === otherDistrictId)).toBe(true);
    expect(all.events.some((event) => event.districtId === null)).toBe(true);
    const times = all.events.map((event) => event.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("is not found for other roles", async () => {
    for (const role of ["teacher", "guardian", "state_analyst", "school_leader"] as const) {
      await expect(listAuditEvents(bed.ctx(role), { limit: 10, offset: 0 }), role).rejects.toMatchObject({
        code: "not_found",
      });
    }
  });
});

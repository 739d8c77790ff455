import { pastStudentCutoff, type Role } from "@cairn/core";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listStudents } from "../people/list-students";
import { auditEvent, district, districtPrivacySettings, section, term } from "../schema";
import { readableSections } from "../sections/policy";
import { type DemoTestBed, openDemoTestBed } from "../testing";
import { getPrivacySettings, updatePrivacySettings } from "./settings";

let bed: DemoTestBed;
let districtId: string;
let termEndsOn: string;
beforeAll(async () => {
  bed = await openDemoTestBed({ students: 150 });
  [{ id: districtId }] = (await bed.database.db.select({ id: district.id }).from(district)) as [{ id: string }];
  [{ endsOn: termEndsOn }] = (await bed.database.db.select({ endsOn: term.endsOn }).from(term)) as [{ endsOn: string }];
});
afterAll(async () => bed.destroy());

const settings = (pastStudentAccessDays: number) => ({
  minimumGroupSize: 10,
  pastStudentAccessDays,
  retentionYearsAfterExit: 5,
});

describe("district privacy settings", () => {
  it("are the defaults until the district saves its own", async () => {
    expect(await getPrivacySettings(bed.ctx("district_admin"), districtId)).toEqual({
      districtId,
      minimumGroupSize: 10,
      pastStudentAccessDays: 0,
      retentionYearsAfterExit: 5,
      updatedAt: null,
    });
  });

  it("are read and changed by the district's admin only; anyone else gets not found", async () => {
    for (const role of ["teacher", "school_leader", "guardian", "state_analyst", "system_admin"] as const) {
      await expect(getPrivacySettings(bed.ctx(role), districtId), role).rejects.toMatchObject({ code: "not_found" });
      await expect(updatePrivacySettings(bed.ctx(role), districtId, settings(5)), role).rejects.toMatchObject({
        code: "not_found",
      });
    }
    const stored = await bed.database.db.select().from(districtPrivacySettings);
    expect(stored).toEqual([]);
  });

  it("refuses values out of range with the field named, changing nothing", async () => {
    for (const [field, value] of [
      ["minimumGroupSize", 4],
      ["minimumGroupSize", 101],
      ["pastStudentAccessDays", -1],
      ["pastStudentAccessDays", 731],
      ["retentionYearsAfterExit", 0],
      ["retentionYearsAfterExit", 51],
      ["retentionYearsAfterExit", 2.5],
    ] as const) {
      await expect(
        updatePrivacySettings(bed.ctx("district_admin"), districtId, { ...settings(0), [field]: value }),
        `${field}=${value}`,
      ).rejects.toMatchObject({ code: "validation", details: [{ path: [field] }] });
    }
    expect(await bed.database.db.select().from(districtPrivacySettings)).toEqual([]);
  });

  it("are saved with an audit event holding the values before and after", async () => {
    const saved = await updatePrivacySettings(bed.ctx("district_admin"), districtId, {
      minimumGroupSize: 12,
      pastStudentAccessDays: 30,
      retentionYearsAfterExit: 7,
    });
    expect(saved).toMatchObject({ minimumGroupSize: 12, pastStudentAccessDays: 30, retentionYearsAfterExit: 7 });
    expect(await getPrivacySettings(bed.ctx("district_admin"), districtId)).toEqual(saved);
    const [event] = await bed.database.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, "privacy_settings.updated"))
      .orderBy(desc(auditEvent.occurredAt));
    expect(event).toMatchObject({
      districtId,
      actorName: "Priya Shah",
      subjectKind: "district",
      subjectId: districtId,
      details: {
        before: { minimumGroupSize: 10, pastStudentAccessDays: 0, retentionYearsAfterExit: 5 },
        after: { minimumGroupSize: 12, pastStudentAccessDays: 30, retentionYearsAfterExit: 7 },
      },
    });
  });
});

describe("teachers and paraprofessionals after the term ends", () => {
  const day = (iso: string) => new Date(`${iso}T15:00:00Z`);
  const addDays = (iso: string, days: number) => pastStudentCutoff(iso, -days);

  async function readsAt(role: Role, now: Date): Promise<{ students: number; sections: number }> {
    const { total } = await listStudents(bed.ctx(role, now), { limit: 500, offset: 0 });
    const sections = await bed.database.db
      .select({ id: section.id })
      .from(section)
      .where(and(readableSections(bed.ctx(role, now))));
    return { students: total, sections: sections.length };
  }

  it("with 0 days (or no settings saved) read their students up to the last day of the term, and none the day after", async () => {
    // No row: the left join falls back to the default of 0 days.
    await bed.database.db.delete(districtPrivacySettings);
    for (const saved of [false, true]) {
      if (saved) await updatePrivacySettings(bed.ctx("district_admin"), districtId, settings(0));
      for (const role of ["teacher", "paraprofessional"] as const) {
        const onLastDay = await readsAt(role, day(termEndsOn));
        expect(onLastDay.students, role).toBeGreaterThan(0);
        expect(onLastDay.sections, role).toBeGreaterThan(0);
        expect(await readsAt(role, day(addDays(termEndsOn, 1))), role).toEqual({ students: 0, sections: 0 });
      }
    }
  });

  it("with N days keep reading them through the N-th day after the term, and not a day longer", async () => {
    await updatePrivacySettings(bed.ctx("district_admin"), districtId, settings(30));
    const during = await readsAt("teacher", day(termEndsOn));
    expect(await readsAt("teacher", day(addDays(termEndsOn, 1)))).toEqual(during);
    expect(await readsAt("teacher", day(addDays(termEndsOn, 30)))).toEqual(during);
    expect(await readsAt("teacher", day(addDays(termEndsOn, 31)))).toEqual({ students: 0, sections: 0 });
    // Other roles do not depend on the setting: a school leader still reads the school.
    expect((await readsAt("school_leader", day(addDays(termEndsOn, 31)))).students).toBeGreaterThan(0);
    await updatePrivacySettings(bed.ctx("district_admin"), districtId, settings(0));
  });
});

import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  agreementSchool,
  auditEvent,
  dataSharingAgreement,
  district,
  privacyNotice,
  provider,
  school,
} from "../schema";
import { type DemoTestBed, openDemoTestBed, TEST_NOW } from "../testing";
import { getPrivacyNotice, publishPrivacyNotice } from "./notice";

let bed: DemoTestBed;
let districtId: string;
beforeAll(async () => {
  bed = await openDemoTestBed({ students: 120 });
  const [found] = await bed.database.db.select({ id: district.id }).from(district);
  districtId = found?.id ?? "";
  // The demo may ship a sample notice; these tests start from a district that has published none.
  await bed.database.db.delete(privacyNotice);
});
afterAll(async () => bed.destroy());

describe("the annual privacy notice", () => {
  it("says plainly that none is published yet, to anyone of the district", async () => {
    for (const role of ["guardian", "student", "teacher", "mentor", "district_admin"] as const) {
      expect(await getPrivacyNotice(bed.ctx(role), { language: "en" }), role).toMatchObject({
        districtId,
        notice: null,
      });
    }
  });

  it("is for people of a district: a state analyst and a system admin have none to read", async () => {
    for (const role of ["state_analyst", "system_admin"] as const) {
      await expect(getPrivacyNotice(bed.ctx(role), { language: "en" }), role).rejects.toMatchObject({
        code: "not_found",
      });
    }
    await expect(
      getPrivacyNotice(bed.ctx("guardian"), { language: "en", districtId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("is published by a district admin only, with an audit event", async () => {
    for (const role of ["guardian", "teacher", "school_leader", "system_admin"] as const) {
      await expect(publishPrivacyNotice(bed.ctx(role), "2026-2027", { en: "x" }), role).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    expect(await bed.database.db.select().from(privacyNotice)).toEqual([]);
    const published = await publishPrivacyNotice(bed.ctx("district_admin"), "2026-2027", {
      en: "<b>We collect</b> grades; drop table x;",
      es: "Recopilamos calificaciones.",
    });
    expect(published).toEqual({
      districtId,
      schoolYear: "2026-2027",
      languages: ["en", "es"],
      publishedAt: TEST_NOW.toISOString(),
    });
    const events = await bed.database.db.select().from(auditEvent).where(eq(auditEvent.subjectKind, "privacy_notice"));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "privacy_notice.published", actorName: "Priya Shah", districtId });
  });

  it("shows each reader the latest year in their language, with English when theirs is missing", async () => {
    const inSpanish = await getPrivacyNotice(bed.ctx("guardian"), { language: "es" });
    expect(inSpanish.notice).toMatchObject({
      schoolYear: "2026-2027",
      language: "es",
      body: "Recopilamos calificaciones.",
    });
    const inEnglish = await getPrivacyNotice(bed.ctx("student"), { language: "en" });
    expect(inEnglish.notice?.body).toBe("<b>We collect</b> grades; drop table x;");

    // An older year published later does not displace the latest one.
    await publishPrivacyNotice(bed.ctx("district_admin"), "2025-2026", { en: "Last year's notice." });
    expect((await getPrivacyNotice(bed.ctx("teacher"), { language: "en" })).notice?.schoolYear).toBe("2026-2027");

    // Republishing a year replaces it whole: without Spanish, Spanish readers get English.
    await publishPrivacyNotice(bed.ctx("district_admin"), "2026-2027", { en: "Revised notice." });
    const fallback = await getPrivacyNotice(bed.ctx("guardian"), { language: "es" });
    expect(fallback.notice).toMatchObject({ language: "en", body: "Revised notice.", languages: ["en"] });
    const [replaced] = await bed.database.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, "privacy_notice.replaced"));
    expect(replaced?.details).toMatchObject({ languages: ["en"], replacedLanguages: ["en", "es"] });
  });
});

describe("the list of providers beside the notice", () => {
  it("lists the agreements in force today with purpose, data elements, schools and dates, and no others", async () => {
    const schools = await bed.database.db
      .select({ id: school.id, name: school.name })
      .from(school)
      .orderBy(asc(school.name));
    const [reading] = await bed.database.db
      .insert(provider)
      .values([{ districtId, name: "ReadWell Test Co", website: "https://readwell.example" }])
      .returning({ id: provider.id });
    const terms = {
      districtId,
      providerId: reading?.id ?? "",
      dataElements: ["profile", "sections"],
      retention: "until the end of the contract",
      breachContact: "security@readwell.example",
      destroyBy: "2027-12-31",
    };
    const agreements = await bed.database.db
      .insert(dataSharingAgreement)
      .values([
        { ...terms, purpose: "Reading practice", status: "active", startsOn: "2026-08-01", endsOn: "2027-06-30" },
        { ...terms, purpose: "Expired pilot", status: "active", startsOn: "2025-08-01", endsOn: "2026-06-30" },
        { ...terms, purpose: "Not yet started", status: "active", startsOn: "2027-01-01", endsOn: "2027-06-30" },
        { ...terms, purpose: "Suspended", status: "suspended", startsOn: "2026-08-01", endsOn: "2027-06-30" },
        { ...terms, purpose: "Draft", status: "draft", startsOn: "2026-08-01", endsOn: "2027-06-30" },
      ])
      .returning({ id: dataSharingAgreement.id });
    await bed.database.db
      .insert(agreementSchool)
      .values(
        agreements.flatMap((agreement) =>
          schools.slice(0, 2).map((row) => ({ agreementId: agreement.id, schoolId: row.id })),
        ),
      );
    const { providers } = await getPrivacyNotice(bed.ctx("guardian"), { language: "en" });
    // The demo may bring providers of its own; only this one's agreements are under test.
    expect(providers.filter((entry) => entry.providerName === "ReadWell Test Co")).toEqual([
      {
        providerName: "ReadWell Test Co",
        website: "https://readwell.example",
        purpose: "Reading practice",
        dataElements: ["profile", "sections"],
        schools: schools.slice(0, 2).map((row) => row.name),
        startsOn: "2026-08-01",
        endsOn: "2027-06-30",
      },
    ]);
  });
});

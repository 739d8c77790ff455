import {
  CairnError,
  chooseNoticeLanguage,
  grantsOf,
  type Language,
  latestSchoolYear,
  type NoticeQuery,
  type PrivacyNotice,
  type PublishedNotice,
  type PublishNoticeBody,
  type Viewer,
} from "@cairn/core";
import { and, eq } from "drizzle-orm";
import type { DbContext } from "../context";
import { privacyNotice } from "../schema";
import { recordAuditEvent } from "./audit";
import { listProvidersInForce } from "./provider-list";

/**
 * The one district a request is about: the one named, if the viewer belongs to it, else
 * the viewer's only district. A person of several districts must name one.
 */
function chooseDistrict(districtIds: string[], named: string | undefined, path: string[]): string {
  const unique = [...new Set(districtIds)];
  if (named !== undefined) {
    if (!unique.includes(named)) throw new CairnError("not_found", "district not found");
    return named;
  }
  if (unique.length === 1) return unique[0] as string;
  if (unique.length === 0)
    throw new CairnError("not_found", "the privacy notice belongs to a district, and you have none");
  throw new CairnError("validation", "you belong to several districts: name one", [
    { message: "choose one of your districts", path },
  ]);
}

function districtsOf(viewer: Viewer): string[] {
  return viewer.kind === "person" ? viewer.grants.flatMap((grant) => (grant.districtId ? [grant.districtId] : [])) : [];
}

/**
 * The district's latest annual notice in the reader's language (English when that one was
 * not published), with the providers in force beside it; for any person of the district.
 */
export async function getPrivacyNotice(ctx: DbContext, query: NoticeQuery): Promise<PrivacyNotice> {
  const districtId = chooseDistrict(districtsOf(ctx.viewer), query.districtId, ["querystring", "districtId"]);
  const rows = await ctx.db
    .select({
      schoolYear: privacyNotice.schoolYear,
      language: privacyNotice.language,
      body: privacyNotice.body,
      publishedAt: privacyNotice.publishedAt,
    })
    .from(privacyNotice)
    .where(eq(privacyNotice.districtId, districtId));
  const providers = await listProvidersInForce(ctx, districtId);
  const schoolYear = latestSchoolYear(rows.map((row) => row.schoolYear));
  const ofYear = rows.filter((row) => row.schoolYear === schoolYear);
  const languages = ofYear.map((row) => row.language as Language).sort();
  const chosen = ofYear.find((row) => row.language === chooseNoticeLanguage(languages, query.language));
  if (!schoolYear || !chosen) return { districtId, notice: null, providers };
  return {
    districtId,
    notice: {
      schoolYear,
      language: chosen.language as Language,
      body: chosen.body,
      publishedAt: chosen.publishedAt.toISOString(),
      languages,
    },
    providers,
  };
}

/**
 * Publishes (or replaces) a district's notice for one school year, by a district admin;
 * written to the audit trail in the same transaction. A language left out is removed.
 */
export async function publishPrivacyNotice(
  ctx: DbContext,
  schoolYear: string,
  body: PublishNoticeBody,
): Promise<PublishedNotice> {
  const { viewer } = ctx;
  const adminDistricts = grantsOf(viewer, "district_admin").flatMap((grant) =>
    grant.districtId ? [grant.districtId] : [],
  );
  if (viewer.kind !== "person" || adminDistricts.length === 0) {
    throw new CairnError("forbidden", "only a district admin publishes the privacy notice");
  }
  const districtId = chooseDistrict(adminDistricts, body.districtId, ["body", "districtId"]);
  const texts = (Object.entries({ en: body.en, es: body.es }) as [Language, string | undefined][]).flatMap(
    ([language, text]) => (text === undefined ? [] : [{ language, text }]),
  );
  return ctx.db.transaction(async (tx) => {
    const inYear = and(eq(privacyNotice.districtId, districtId), eq(privacyNotice.schoolYear, schoolYear));
    const replaced = await tx.delete(privacyNotice).where(inYear).returning({ language: privacyNotice.language });
    await tx.insert(privacyNotice).values(
      texts.map(({ language, text }) => ({
        districtId,
        schoolYear,
        language,
        body: text,
        publishedAt: ctx.now,
        publishedBy: viewer.personId,
      })),
    );
    await recordAuditEvent(
      { ...ctx, db: tx },
      {
        action: replaced.length > 0 ? "privacy_notice.replaced" : "privacy_notice.published",
        subjectKind: "privacy_notice",
        subjectId: `${districtId}/${schoolYear}`,
        districtId,
        details: {
          schoolYear,
          languages: texts.map((entry) => entry.language),
          replacedLanguages: replaced.map((row) => row.language),
        },
      },
    );
    return {
      districtId,
      schoolYear,
      languages: texts.map((entry) => entry.language),
      publishedAt: ctx.now.toISOString(),
    };
  });
}

import { z } from "zod";
import { LANGUAGES } from "../people/vocabulary";
import { NOTICE_BODY_MAX } from "./notice";

/*
 * The request and response shapes of the annual notice, apart from the rules and limits so the web
 * app can use those without bundling zod (whose start-up probe of eval trips the CSP).
 */

/** "2026-2027": two consecutive calendar years. */
export const schoolYearSchema = z
  .string()
  .regex(/^\d{4}-\d{4}$/, "write the school year as 2026-2027")
  .refine((year) => Number(year.slice(5)) === Number(year.slice(0, 4)) + 1, "the second year must follow the first");

const noticeBody = z
  .string()
  .max(NOTICE_BODY_MAX, `at most ${NOTICE_BODY_MAX} characters`)
  .regex(/\S/, "the notice cannot be blank");

export const noticeParamsSchema = z.object({ schoolYear: schoolYearSchema }).strict();

/** Publishing replaces the whole notice of that school year. Spanish may follow later: readers then get English. */
export const publishNoticeBodySchema = z
  .object({
    /** Needed only by an admin of several districts. */
    districtId: z.uuid().optional(),
    en: noticeBody,
    es: noticeBody.optional(),
  })
  .strict();

export const noticeQuerySchema = z
  .object({
    language: z.enum(LANGUAGES).default("en"),
    /** Needed only by a person of several districts. */
    districtId: z.uuid().optional(),
  })
  .strict();

/** One provider's agreement in force, as families see it. */
export const providerInForceSchema = z.object({
  providerName: z.string(),
  website: z.string().nullable(),
  purpose: z.string(),
  dataElements: z.array(z.string()),
  schools: z.array(z.string()),
  startsOn: z.string(),
  endsOn: z.string(),
});

export const privacyNoticeSchema = z.object({
  districtId: z.uuid(),
  /** Null when the district has published no notice yet. */
  notice: z
    .object({
      schoolYear: z.string(),
      /** The language of `body`: the one asked for, or English when that one was not published. */
      language: z.enum(LANGUAGES),
      body: z.string(),
      publishedAt: z.string(),
      /** The languages this school year's notice exists in. */
      languages: z.array(z.enum(LANGUAGES)),
    })
    .nullable(),
  providers: z.array(providerInForceSchema),
});

/** What publishing answers: which notice is now on record. */
export const publishedNoticeSchema = z.object({
  districtId: z.uuid(),
  schoolYear: z.string(),
  languages: z.array(z.enum(LANGUAGES)),
  publishedAt: z.string(),
});

export type PublishNoticeBody = z.infer<typeof publishNoticeBodySchema>;
export type NoticeQuery = z.infer<typeof noticeQuerySchema>;
export type ProviderInForce = z.infer<typeof providerInForceSchema>;
export type PrivacyNotice = z.infer<typeof privacyNoticeSchema>;
export type PublishedNotice = z.infer<typeof publishedNoticeSchema>;

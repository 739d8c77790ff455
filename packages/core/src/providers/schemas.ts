import { z } from "zod";
import { studentDetailSchema } from "../people/schemas";
import { STUDENT_DATA_ELEMENTS } from "../privacy/data-elements";
import { AGREEMENT_STATUSES, SETTABLE_AGREEMENT_STATUSES } from "./agreement";

const isoDate = z.iso.date();
const dataElementsSchema = z
  .array(z.enum(STUDENT_DATA_ELEMENTS))
  .min(1, "name at least one data element")
  .refine((elements) => new Set(elements).size === elements.length, "each data element once");

export const providerSchema = z.object({
  id: z.uuid(),
  districtId: z.uuid(),
  name: z.string(),
  website: z.string().nullable(),
  contactEmail: z.string().nullable(),
  createdAt: z.string(),
});

export const providerListSchema = z.object({ providers: z.array(providerSchema) });

export const createProviderBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    website: z.url().max(500).optional(),
    contactEmail: z.email().max(254).optional(),
    /** Needed only by someone who administers more than one district. */
    districtId: z.uuid().optional(),
  })
  .strict();

export const providerTokenSchema = z.object({
  id: z.uuid(),
  label: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});

export const agreementSchema = z.object({
  id: z.uuid(),
  districtId: z.uuid(),
  provider: z.object({ id: z.uuid(), name: z.string() }),
  purpose: z.string(),
  dataElements: z.array(z.string()),
  schools: z.array(z.object({ id: z.uuid(), name: z.string() })),
  startsOn: z.string(),
  endsOn: z.string(),
  retention: z.string(),
  destroyBy: z.string(),
  breachContact: z.string(),
  status: z.enum(AGREEMENT_STATUSES),
  /** Whether a provider token works today: active, within its dates, not due for destruction. */
  inForce: z.boolean(),
  tokens: z.array(providerTokenSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const agreementListSchema = z.object({ agreements: z.array(agreementSchema) });

const agreementFields = {
  purpose: z.string().trim().min(1).max(2000),
  dataElements: dataElementsSchema,
  schoolIds: z
    .array(z.uuid())
    .min(1, "name at least one school")
    .refine((ids) => new Set(ids).size === ids.length, "each school once"),
  startsOn: isoDate,
  endsOn: isoDate,
  retention: z.string().trim().min(1).max(2000),
  destroyBy: isoDate,
  breachContact: z.string().trim().min(1).max(500),
  status: z.enum(SETTABLE_AGREEMENT_STATUSES),
};

/** The dates must follow one another: a term that ends before it starts, or data destroyed before the term ends, is a mistake. */
function datesInOrder(
  value: { startsOn?: string; endsOn?: string; destroyBy?: string },
  context: z.RefinementCtx,
): void {
  if (value.startsOn && value.endsOn && value.endsOn < value.startsOn)
    context.addIssue({ code: "custom", path: ["endsOn"], message: "the agreement must end on or after its start" });
  if (value.endsOn && value.destroyBy && value.destroyBy <= value.endsOn)
    context.addIssue({
      code: "custom",
      path: ["destroyBy"],
      message: "the destruction date must come after the agreement ends",
    });
}

export const createAgreementBodySchema = z
  .object({ providerId: z.uuid(), ...agreementFields, status: agreementFields.status.default("draft") })
  .strict()
  .superRefine(datesInOrder);

/** A change to an agreement: any of its terms; the dates are checked again against the stored ones. */
export const updateAgreementBodySchema = z
  .object(agreementFields)
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, "change at least one field")
  .superRefine(datesInOrder);

export const issueTokenBodySchema = z
  .object({
    label: z.string().trim().min(1).max(200),
    expiresAt: z.iso.datetime({ offset: true }),
  })
  .strict();

/** The one answer that carries the secret: shown once, never stored or shown again. */
export const issuedTokenSchema = providerTokenSchema.extend({ agreementId: z.uuid(), token: z.string() });

/** A student as a provider sees them: `id` always, every other field only when its data element is allowed. */
export const providerStudentSchema = studentDetailSchema.omit({ districtId: true }).partial().extend({ id: z.uuid() });

export const providerStudentListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const providerStudentListSchema = z.object({
  students: z.array(providerStudentSchema),
  total: z.number().int().nonnegative(),
});

export type Provider = z.infer<typeof providerSchema>;
export type CreateProviderBody = z.infer<typeof createProviderBodySchema>;
export type Agreement = z.infer<typeof agreementSchema>;
export type CreateAgreementBody = z.infer<typeof createAgreementBodySchema>;
export type CreateAgreementInput = z.input<typeof createAgreementBodySchema>;
export type UpdateAgreementBody = z.infer<typeof updateAgreementBodySchema>;
export type IssueTokenBody = z.infer<typeof issueTokenBodySchema>;
export type IssuedToken = z.infer<typeof issuedTokenSchema>;
export type ProviderToken = z.infer<typeof providerTokenSchema>;
export type ProviderStudentListQuery = z.infer<typeof providerStudentListQuerySchema>;

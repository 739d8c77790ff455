import { z } from "zod";
import { ROLES } from "./roles";

export const roleSchema = z.enum(ROLES);

export const signInBodySchema = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    password: z.string().min(1).max(1024),
  })
  .strict();

export const roleGrantSchema = z.object({
  role: roleSchema,
  stateId: z.uuid().nullable(),
  districtId: z.uuid().nullable(),
  schoolId: z.uuid().nullable(),
});

export const personRefSchema = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
});

export const meSchema = z.object({
  person: personRefSchema.extend({ email: z.string().nullable(), preferredLanguage: z.string() }),
  roles: z.array(roleGrantSchema),
  /** What the viewer can reach, so the web app can choose a home page without guessing. */
  scope: z.object({
    stateIds: z.array(z.uuid()),
    districtIds: z.array(z.uuid()),
    schoolIds: z.array(z.uuid()),
    sectionIds: z.array(z.uuid()),
    studentIds: z.array(z.uuid()),
  }),
});

export type SignInBody = z.infer<typeof signInBodySchema>;
export type Me = z.infer<typeof meSchema>;
export type PersonRef = z.infer<typeof personRefSchema>;

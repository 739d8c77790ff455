import { authPersonalData } from "../auth/privacy";
import { evidencePersonalData } from "../evidence/privacy";
import { organizationPersonalData } from "../organization/privacy";
import { peoplePersonalData } from "../people/privacy";
import { providersPersonalData } from "../providers/privacy";
import { sectionsPersonalData } from "../sections/privacy";
import { privacyPersonalData } from "./privacy";
import type { PersonalDataDeclaration } from "./registry";

/** Every module's declaration of the personal data it keeps. A new module adds its own here. */
export const PERSONAL_DATA: PersonalDataDeclaration[] = [
  organizationPersonalData,
  peoplePersonalData,
  sectionsPersonalData,
  authPersonalData,
  privacyPersonalData,
  providersPersonalData,
  evidencePersonalData,
];

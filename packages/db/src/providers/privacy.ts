import type { PersonalDataDeclaration } from "../privacy/registry";

export const providersPersonalData: PersonalDataDeclaration = {
  module: "providers",
  tables: [
    {
      table: "provider_token",
      personColumns: ["created_by"],
      purpose: "which staff member issued a provider's credential",
      keptAfterErasureBecause: "it names the staff member who issued a credential, never a student",
    },
    {
      table: "destruction_record",
      personColumns: ["recorded_by"],
      purpose: "who recorded that a provider's access ended (a staff member's name, or the system job)",
      keptAfterErasureBecause: "it is proof that a provider's copy was destroyed, and names staff, never a student",
    },
  ],
  holdsNothingBecause:
    "providers, agreements and destruction records describe organisations and contracts; provider_token.created_by only attributes a credential to the staff member who issued it (like privacy_notice.published_by), and what providers were shown is in the access log, which the privacy module exports",
};

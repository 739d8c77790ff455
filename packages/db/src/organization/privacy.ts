import type { PersonalDataDeclaration } from "../privacy/registry";

export const organizationPersonalData: PersonalDataDeclaration = {
  module: "organization",
  tables: [],
  holdsNothingBecause:
    "states, districts, schools, learning environments and terms describe places and calendars, not people",
};

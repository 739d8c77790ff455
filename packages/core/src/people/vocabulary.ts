/** The federal seven-category reporting of race and ethnicity used for accountability subgroups. */
export const RACE_ETHNICITY = [
  "hispanic_latino",
  "american_indian_alaska_native",
  "asian",
  "black_african_american",
  "native_hawaiian_pacific_islander",
  "white",
  "two_or_more",
] as const;
export type RaceEthnicity = (typeof RACE_ETHNICITY)[number];

export const GENDERS = ["female", "male", "nonbinary", "unspecified"] as const;
export type Gender = (typeof GENDERS)[number];

/** none, an IEP under IDEA, or a Section 504 plan. */
export const DISABILITY_STATUSES = ["none", "iep", "section_504"] as const;
export type DisabilityStatus = (typeof DISABILITY_STATUSES)[number];

export const GUARDIAN_RELATIONSHIPS = ["parent", "guardian", "grandparent", "relative", "foster_parent"] as const;
export type GuardianRelationship = (typeof GUARDIAN_RELATIONSHIPS)[number];

export const LANGUAGES = ["en", "es"] as const;
export type Language = (typeof LANGUAGES)[number];

import type { BulkTransaction } from "../copy";

/**
 * Removes every row of one district, children first. Used to replace the demo district;
 * people above the district (state analysts, system admins) go when their account email
 * belongs to the demo domain.
 */
export async function deleteDistrict(exec: BulkTransaction["exec"], districtId: string): Promise<void> {
  const inDistrict = "person_id in (select id from person where district_id = $1)";
  const statements = [
    `delete from session where ${inDistrict}`,
    `delete from account where ${inDistrict}`,
    "delete from enrollment where district_id = $1",
    "delete from section_staff where district_id = $1",
    "delete from section where district_id = $1",
    "delete from mentorship where district_id = $1",
    "delete from guardian_link where district_id = $1",
    `delete from role_grant where district_id = $1 or ${inDistrict}`,
    "delete from correction_request where district_id = $1",
    "delete from privacy_notice where district_id = $1",
    "delete from provider_token where agreement_id in (select id from data_sharing_agreement where district_id = $1)",
    "delete from agreement_school where agreement_id in (select id from data_sharing_agreement where district_id = $1)",
    "delete from data_sharing_agreement where district_id = $1",
    "delete from provider where district_id = $1",
    "delete from district_privacy_settings where district_id = $1",
    "delete from mastery_event where district_id = $1",
    "delete from mastery where district_id = $1",
    "delete from reassessment_request where district_id = $1",
    "delete from evidence_attachment where district_id = $1",
    "delete from course_item where district_id = $1",
    "delete from rollup_setting where district_id = $1",
    "delete from evidence_event where evidence_id in (select id from evidence where district_id = $1)",
    "delete from evidence_score where evidence_id in (select id from evidence where district_id = $1)",
    "delete from evidence where district_id = $1",
    "delete from mastery_method_setting where district_id = $1",
    "delete from framework_rubric where framework_id in (select id from framework where district_id = $1)",
    "delete from framework_association where framework_id in (select id from framework where district_id = $1)",
    "delete from framework_item where framework_id in (select id from framework where district_id = $1)",
    "delete from framework where district_id = $1",
    "delete from student where district_id = $1",
    "delete from learning_environment where district_id = $1",
    "delete from term where district_id = $1",
    "delete from person where district_id = $1",
    "delete from school where district_id = $1",
    "delete from district where id = $1",
  ];
  for (const statement of statements) await exec(statement, [districtId]);
}

/** Removes the people behind the given account emails, with their accounts, sessions and roles. */
export async function deletePeopleByEmail(exec: BulkTransaction["exec"], emails: string[]): Promise<void> {
  await exec("create temporary table doomed on commit drop as select person_id from account where email = any($1)", [
    emails,
  ]);
  for (const table of ["session", "role_grant", "account"]) {
    await exec(`delete from ${table} where person_id in (select person_id from doomed)`);
  }
  await exec("delete from person where id in (select person_id from doomed)");
}

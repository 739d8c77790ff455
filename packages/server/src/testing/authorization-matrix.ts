import { ROLES, type Role } from "@cairn/core";

/**
 * Every API route × every role (and no session), with real data: the status each must get.
 * The route list comes from the server's own OpenAPI document, so a route added without
 * a row here fails this test.
 *
 * Targets: the guardian's child who is in the teacher's class (a middle-school student),
 * and that class. Denials of individual records are 404, as if the record did not exist.
 */
export type Expectation = Record<Role | "anonymous", number>;

const everyRole = (status: number, anonymous: number): Expectation => ({
  ...(Object.fromEntries(ROLES.map((role) => [role, status])) as Record<Role, number>),
  anonymous,
});

export const MATRIX: Record<string, Expectation> = {
  "GET /api/health": everyRole(200, 200),
  "POST /api/v1/auth/sign-in": everyRole(200, 401),
  "POST /api/v1/auth/sign-out": everyRole(204, 204),
  "GET /api/v1/me": everyRole(200, 401),
  "GET /api/v1/students": everyRole(200, 401),
  "GET /api/v1/sections": everyRole(200, 401),
  "GET /api/v1/schools": everyRole(200, 401),
  "GET /api/v1/students/{id}": {
    ...everyRole(404, 401),
    guardian: 200,
    teacher: 200,
    school_leader: 200,
    district_admin: 200,
  },
  "GET /api/v1/students/{id}/access-log": { ...everyRole(404, 401), guardian: 200, district_admin: 200 },
  "GET /api/v1/students/{id}/record": { ...everyRole(404, 401), guardian: 200, district_admin: 200 },
  "GET /api/v1/students/{id}/record.html": { ...everyRole(404, 401), guardian: 200, district_admin: 200 },
  "GET /api/v1/privacy/record.css": everyRole(200, 200),
  "GET /api/v1/students/{id}/correction-requests": { ...everyRole(404, 401), guardian: 200, district_admin: 200 },
  "POST /api/v1/students/{id}/correction-requests": { ...everyRole(404, 401), guardian: 201, district_admin: 201 },
  "GET /api/v1/correction-requests": { ...everyRole(403, 401), district_admin: 200 },
  "POST /api/v1/correction-requests/{id}/resolution": { ...everyRole(403, 401), district_admin: 200 },
  "GET /api/v1/privacy-notice": { ...everyRole(200, 401), state_analyst: 404, system_admin: 404 },
  "PUT /api/v1/privacy-notice/{schoolYear}": { ...everyRole(403, 401), district_admin: 200 },
  "GET /api/v1/providers": { ...everyRole(403, 401), district_admin: 200 },
  "POST /api/v1/providers": { ...everyRole(403, 401), district_admin: 201 },
  "GET /api/v1/agreements": { ...everyRole(403, 401), district_admin: 200 },
  "POST /api/v1/agreements": { ...everyRole(403, 401), district_admin: 201 },
  "PATCH /api/v1/agreements/{id}": { ...everyRole(403, 401), district_admin: 200 },
  "POST /api/v1/agreements/{id}/tokens": { ...everyRole(403, 401), district_admin: 201 },
  "POST /api/v1/provider-tokens/{id}/revoke": { ...everyRole(403, 401), district_admin: 200 },
  // The provider API takes only a provider's bearer token: every session cookie gets 401.
  "GET /api/v1/provider/students": everyRole(401, 401),
  "GET /api/v1/provider/students/{id}": everyRole(401, 401),
  "GET /api/v1/districts/{id}/privacy-settings": { ...everyRole(404, 401), district_admin: 200 },
  "PUT /api/v1/districts/{id}/privacy-settings": { ...everyRole(404, 401), district_admin: 200 },
  "POST /api/v1/students/{id}/stated-reason-access": { ...everyRole(404, 401), system_admin: 200 },
  "GET /api/v1/access-log": { ...everyRole(404, 401), district_admin: 200 },
  "POST /api/v1/role-grants": { ...everyRole(403, 401), district_admin: 201, system_admin: 201 },
  "DELETE /api/v1/role-grants/{id}": { ...everyRole(403, 401), district_admin: 204, system_admin: 204 },
  "GET /api/v1/audit-events": { ...everyRole(404, 401), district_admin: 200, system_admin: 200 },
  "GET /api/v1/reports/enrollment": {
    ...everyRole(403, 401),
    school_leader: 200,
    district_admin: 200,
    state_analyst: 200,
  },
  "GET /api/v1/mastery-methods": { ...everyRole(403, 401), district_admin: 200 },
  "PUT /api/v1/mastery-methods": { ...everyRole(403, 401), district_admin: 200 },
  "GET /api/v1/frameworks": everyRole(200, 401),
  // The framework is the demo's draft imported by the district admin below: drafts are theirs alone.
  "GET /api/v1/frameworks/{id}/case": { ...everyRole(404, 401), district_admin: 200 },
  "GET /api/v1/frameworks/{id}": { ...everyRole(404, 401), district_admin: 200 },
  "GET /api/v1/frameworks/{id}/items/{itemId}": { ...everyRole(404, 401), district_admin: 200 },
  "POST /api/v1/frameworks/case": { ...everyRole(403, 401), district_admin: 201 },
  // Each editing row works on a fresh draft of the district admin's (see PREPARE): drafts are theirs alone.
  "POST /api/v1/frameworks/{id}/versions": { ...everyRole(404, 401), district_admin: 201 },
  "PATCH /api/v1/frameworks/{id}/items/{itemId}": { ...everyRole(404, 401), district_admin: 204 },
  "POST /api/v1/frameworks/{id}/prerequisites": { ...everyRole(404, 401), district_admin: 204 },
  "DELETE /api/v1/frameworks/{id}/prerequisites": { ...everyRole(404, 401), district_admin: 204 },
  "POST /api/v1/frameworks/{id}/publish": { ...everyRole(404, 401), district_admin: 204 },
  "POST /api/v1/frameworks": { ...everyRole(403, 401), district_admin: 201 },
  "POST /api/v1/frameworks/{id}/items": { ...everyRole(404, 401), district_admin: 201 },
  "DELETE /api/v1/frameworks/{id}/items/{itemId}": { ...everyRole(404, 401), district_admin: 204 },
  "POST /api/v1/frameworks/{id}/items/{itemId}/move": { ...everyRole(404, 401), district_admin: 204 },
  "PUT /api/v1/frameworks/{id}/scale": { ...everyRole(404, 401), district_admin: 204 },
  "PUT /api/v1/frameworks/{id}/items/{itemId}/scale": { ...everyRole(404, 401), district_admin: 204 },
  "DELETE /api/v1/frameworks/{id}/items/{itemId}/scale": { ...everyRole(404, 401), district_admin: 204 },
  "POST /api/v1/frameworks/{id}/items/{itemId}/exemplars": { ...everyRole(404, 401), district_admin: 201 },
  "DELETE /api/v1/frameworks/{id}/items/{itemId}/exemplars/{associationId}": {
    ...everyRole(404, 401),
    district_admin: 204,
  },
  "POST /api/v1/frameworks/{id}/items/{itemId}/rubric": { ...everyRole(404, 401), district_admin: 201 },
  "DELETE /api/v1/frameworks/{id}/items/{itemId}/rubric": { ...everyRole(404, 401), district_admin: 204 },
  // Evidence: the target's educators and guardian read and record; only educators decide (the guardian is told 403).
  "POST /api/v1/students/{id}/evidence": {
    ...everyRole(404, 401),
    guardian: 201,
    teacher: 201,
    school_leader: 201,
    district_admin: 201,
  },
  // Bulk recording is for the students one teaches or leads; anyone else's records are located 422s.
  "POST /api/v1/evidence/batch": {
    ...everyRole(422, 401),
    teacher: 201,
    school_leader: 201,
    district_admin: 201,
  },
  "GET /api/v1/students/{id}/evidence": {
    ...everyRole(404, 401),
    guardian: 200,
    teacher: 200,
    school_leader: 200,
    district_admin: 200,
  },
  "GET /api/v1/students/{id}/mastery": {
    ...everyRole(404, 401),
    guardian: 200,
    teacher: 200,
    school_leader: 200,
    district_admin: 200,
  },
  "POST /api/v1/evidence/{id}/validation": {
    ...everyRole(404, 401),
    guardian: 403,
    teacher: 200,
    school_leader: 200,
    district_admin: 200,
  },
  "POST /api/v1/evidence/{id}/void": {
    ...everyRole(404, 401),
    guardian: 403,
    teacher: 200,
    school_leader: 200,
    district_admin: 200,
  },
  "GET /api/v1/sections/{id}": { ...everyRole(404, 401), teacher: 200, school_leader: 200, district_admin: 200 },
  "GET /api/v1/sections/{id}/gradebook": {
    ...everyRole(404, 401),
    teacher: 200,
    school_leader: 200,
    district_admin: 200,
  },
  // Each person's own queue: empty for those who teach no one.
  "GET /api/v1/evidence/pending": everyRole(200, 401),
  "GET /api/v1/reassessment-requests": everyRole(200, 401),
  "GET /api/v1/students/{id}/progress": {
    ...everyRole(404, 401),
    guardian: 200,
    teacher: 200,
    school_leader: 200,
    district_admin: 200,
  },
  "POST /api/v1/students/{id}/reassessment-requests": {
    ...everyRole(404, 401),
    guardian: 201,
    teacher: 201,
    school_leader: 201,
    district_admin: 201,
  },
  "GET /api/v1/students/{id}/reassessment-requests": {
    ...everyRole(404, 401),
    guardian: 200,
    teacher: 200,
    school_leader: 200,
    district_admin: 200,
  },
  "POST /api/v1/reassessment-requests/{id}/decline": {
    ...everyRole(404, 401),
    guardian: 403,
    teacher: 200,
    school_leader: 200,
    district_admin: 200,
  },
  "GET /api/v1/rollup-rules": { ...everyRole(403, 401), district_admin: 200 },
  "PUT /api/v1/rollup-rules": { ...everyRole(403, 401), district_admin: 204 },
  "POST /api/v1/students/{id}/attachments": {
    ...everyRole(404, 401),
    guardian: 201,
    teacher: 201,
    school_leader: 201,
    district_admin: 201,
  },
  "GET /api/v1/attachments/{id}": {
    ...everyRole(404, 401),
    guardian: 200,
    teacher: 200,
    school_leader: 200,
    district_admin: 200,
  },
};

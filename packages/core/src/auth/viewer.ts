import type { RoleGrant } from "./roles";

/**
 * Who is asking. Resolved once per request (or once per CLI command) and passed to
 * every function that reads or writes people, so scope is decided in one place.
 */
export type Viewer =
  | { kind: "person"; personId: string; grants: RoleGrant[] }
  /** The `cairn` command run by whoever operates the installation. */
  | { kind: "operator"; name: string }
  /** Background work started by Cairn itself. */
  | { kind: "system"; job: string }
  /**
   * A provider's API credential: it acts only under one data-sharing agreement, over the
   * agreement's schools and data elements, resolved (and checked active) once per request.
   */
  | {
      kind: "provider";
      providerId: string;
      providerName: string;
      agreementId: string;
      districtId: string;
      schoolIds: string[];
      dataElements: string[];
    };

export function hasRole(viewer: Viewer, role: RoleGrant["role"]): boolean {
  return viewer.kind === "person" && viewer.grants.some((grant) => grant.role === role);
}

export function grantsOf(viewer: Viewer, role: RoleGrant["role"]): RoleGrant[] {
  return viewer.kind === "person" ? viewer.grants.filter((grant) => grant.role === role) : [];
}

import type { DbContext } from "../context";

export interface PersonalDataTable {
  table: string;
  personColumns: string[];
  purpose: string;
  /**
   * Why this table keeps its rows when a student's record is erased at the end of retention
   * (append-only history that holds ids and staff names, not the record; or rows that only
   * ever name staff). Absent: the module's eraser removes the student's rows from it.
   */
  keptAfterErasureBecause?: string;
}

/**
 * What one module keeps about people (Moodle's privacy providers, as a habit): its tables
 * with the columns that name a person and why it keeps them, and how to export and erase
 * one student's data. A module that keeps nothing says why. The full-record download and
 * end-of-retention erasure walk this registry, and a test fails when a table naming a
 * person is not declared here, or when a table holding student rows has neither an eraser
 * nor a reason to be kept, so a module added later cannot escape either unnoticed.
 */
export interface PersonalDataDeclaration {
  module: string;
  tables: PersonalDataTable[];
  /** This module's data about one student, as plain JSON; absent when the module keeps none. */
  exportStudentData?: (ctx: DbContext, studentId: string) => Promise<Record<string, unknown>>;
  /**
   * Deletes this module's rows about one student, inside the caller's transaction. Modules
   * are erased in reverse order of declaration, so a module's rows go before the rows of
   * modules declared earlier that they reference (people, declared early, goes last).
   */
  eraseStudentData?: (ctx: DbContext, studentId: string) => Promise<void>;
  holdsNothingBecause?: string;
}

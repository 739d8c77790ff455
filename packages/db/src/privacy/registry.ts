import type { DbContext } from "../context";

/**
 * What one module keeps about people (Moodle's privacy providers, as a habit): its tables
 * with the columns that name a person and why it keeps them, and how to export one
 * person's data. A module that keeps nothing says why. The full-record download walks
 * this registry, and a test fails when a table naming a person is not declared here, so a
 * module added later cannot escape the download unnoticed.
 */
export interface PersonalDataDeclaration {
  module: string;
  tables: { table: string; personColumns: string[]; purpose: string }[];
  /** This module's data about one student, as plain JSON; absent when the module keeps none. */
  exportStudentData?: (ctx: DbContext, studentId: string) => Promise<Record<string, unknown>>;
  holdsNothingBecause?: string;
}

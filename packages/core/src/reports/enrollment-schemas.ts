import { z } from "zod";
import { ENROLLMENT_ATTRIBUTES, type EnrollmentAttribute } from "./enrollment";

// Schemas apart from the rules, so the web app can use the rules without bundling zod (whose start-up eval check the CSP refuses).
export const enrollmentReportQuerySchema = z
  .object({
    attribute: z.enum(ENROLLMENT_ATTRIBUTES as [EnrollmentAttribute, ...EnrollmentAttribute[]]).default("gradeLevel"),
    schoolId: z.uuid().optional(),
  })
  .strict();

/** A count as published: `null` means suppressed, never a number. */
const publishedCount = z.number().int().nonnegative().nullable();

export const enrollmentReportDistrictSchema = z.object({
  districtId: z.uuid(),
  districtName: z.string(),
  /** The district's setting the table was suppressed with. */
  minimumGroupSize: z.number().int().positive(),
  rows: z.array(
    z.object({
      schoolId: z.uuid(),
      schoolName: z.string(),
      cells: z.array(publishedCount),
      total: publishedCount,
    }),
  ),
  columnTotals: z.array(publishedCount),
  grandTotal: publishedCount,
  /** How many values of this table (cells and totals) are suppressed. */
  suppressed: z.number().int().nonnegative(),
  /**
   * Schools with fewer students than the minimum, left out of the table (and of its totals):
   * their enrolment would be a small group, and a published school total cannot be hidden.
   */
  omittedSchools: z.number().int().nonnegative(),
});

export const enrollmentReportSchema = z.object({
  attribute: enrollmentReportQuerySchema.shape.attribute.unwrap(),
  /** The attribute's values that any school in the report has students with: the table's columns. */
  columns: z.array(z.string()),
  districts: z.array(enrollmentReportDistrictSchema),
});

export type EnrollmentReportQuery = z.infer<typeof enrollmentReportQuerySchema>;
export type EnrollmentReportDistrict = z.infer<typeof enrollmentReportDistrictSchema>;
export type EnrollmentReport = z.infer<typeof enrollmentReportSchema>;

/** Active students of one school with one value of the attribute. */

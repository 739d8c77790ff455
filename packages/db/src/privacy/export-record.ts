import { z } from "zod";
import type { DbContext } from "../context";
import { PERSONAL_DATA } from "./declarations";
import { requireRecordRights } from "./family-rights";
import { recordAccess } from "./record-access";

export const fullRecordSchema = z.object({
  generatedAt: z.string(),
  studentId: z.uuid(),
  /** Each module's data about the student, by module name, with what the module keeps and why. */
  modules: z.record(
    z.string(),
    z.object({
      keeps: z.array(z.object({ table: z.string(), purpose: z.string() })),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
});

export type FullRecord = z.infer<typeof fullRecordSchema>;

/**
 * Everything Cairn keeps about a student, module by module, walking the personal-data
 * registry; the export is written to the access log in the same transaction.
 */
export function exportStudentRecord(ctx: DbContext, studentId: string): Promise<FullRecord> {
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const { districtId } = await requireRecordRights(inTx, studentId);
    const modules: FullRecord["modules"] = {};
    for (const declaration of PERSONAL_DATA) {
      if (!declaration.exportStudentData) continue;
      modules[declaration.module] = {
        keeps: declaration.tables.map(({ table, purpose }) => ({ table, purpose })),
        data: JSON.parse(JSON.stringify(await declaration.exportStudentData(inTx, studentId))),
      };
    }
    await recordAccess(inTx, {
      action: "export_student_record",
      studentId,
      districtId,
      dataElements: Object.keys(modules),
    });
    return { generatedAt: ctx.now.toISOString(), studentId, modules };
  });
}

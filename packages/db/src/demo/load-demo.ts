import {
  batchSize,
  CairnError,
  DEMO_DISTRICT_CODE,
  DEMO_KINDS,
  type DemoBatch,
  type DemoKind,
  type DemoOptions,
  demoEmail,
  demoFrameworkPackages,
  emptyBatch,
  generateDemoDistrict,
  NAMED_ACCOUNT_KEYS,
  type Viewer,
} from "@cairn/core";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../database";
import { withForeignKeysCheckedAtEnd } from "../foreign-keys";
import { importCasePackage } from "../framework/import-case";
import { district, state } from "../schema";
import { DEMO_TABLES } from "./columns";
import { deleteDistrict, deletePeopleByEmail } from "./delete-district";
import { type DemoEvidenceCounts, loadDemoEvidence } from "./load-evidence";
import { loadSampleNotice } from "./privacy-notice";

export interface LoadDemoOptions extends DemoOptions {
  /** Replace an already-loaded demo district instead of refusing. */
  replace?: boolean;
  hashPassword: (password: string) => Promise<string>;
  onProgress?: (studentsLoaded: number, studentsTotal: number) => void;
  /** Students given their semester of evidence so far, after the district itself is loaded. */
  onEvidenceProgress?: (studentsDone: number, studentsTotal: number) => void;
  /** The demo's "now": when the frameworks are recorded as imported, and the end of its evidence. */
  now?: Date;
}

const DEMO_LOADER: Viewer = { kind: "operator", name: "demo loader" };

export type DemoCounts = Record<DemoKind, number> & { evidence: DemoEvidenceCounts };

/** Rows buffered before one COPY per table; big enough to amortise, small enough to stream. */
const FLUSH_AT_ROWS = 50_000;

/**
 * Loads the generated demo district in one transaction with COPY, streaming school by
 * school: a half-loaded district is never visible, and memory stays flat at any size.
 */
export async function loadDemoDistrict(database: Database, options: LoadDemoOptions): Promise<DemoCounts> {
  const existing = await database.db
    .select({ id: district.id })
    .from(district)
    .where(eq(district.code, DEMO_DISTRICT_CODE));
  if (existing.length > 0 && !options.replace) {
    throw new CairnError(
      "conflict",
      "the demo district is already loaded; run `cairn demo --replace` to load it again",
    );
  }
  const counts = Object.fromEntries(DEMO_KINDS.map((kind) => [kind, 0])) as Record<DemoKind, number>;
  const batches = generateDemoDistrict(options);
  const head = batches.next();
  if (head.done) throw new Error("the demo generator produced nothing");
  const passwordHashes = new Map<string, string>();

  // Read before the transaction: the embedded database is one connection.
  const [knownState] = await database.db.select({ id: state.id }).from(state).where(eq(state.code, "CS"));
  const loadedDistrictId = await database.bulkLoad(async (tx) => {
    const { copy, exec } = tx;
    for (const { id } of existing) await deleteDistrict(exec, id);
    if (existing.length > 0) await deletePeopleByEmail(exec, NAMED_ACCOUNT_KEYS.map(demoEmail));
    if (knownState) {
      // The state is shared with districts loaded before: reuse it rather than duplicate it.
      head.value.states = [];
      for (const row of head.value.districts) row.stateId = knownState.id;
      for (const row of head.value.roleGrants) if (row.stateId) row.stateId = knownState.id;
    }
    const districtId = head.value.districts[0]?.id;
    if (!districtId) throw new Error("the demo generator produced no district");
    let pending = head.value;
    let studentsLoaded = 0;
    const flush = async () => {
      for (const account of pending.accounts) {
        passwordHashes.set(account.personId, await options.hashPassword(account.password));
      }
      for (const kind of DEMO_KINDS) {
        const mapper = DEMO_TABLES[kind] as (typeof DEMO_TABLES)["states"];
        const records = pending[kind] as DemoBatch["states"];
        await copy(
          mapper.table,
          mapper.columns,
          records.map((record) => mapper.row(record, passwordHashes)),
        );
        counts[kind] += records.length;
      }
      studentsLoaded += pending.students.length;
      options.onProgress?.(studentsLoaded, options.students);
      pending = emptyBatch();
    };
    const tables = DEMO_KINDS.map((kind) => DEMO_TABLES[kind].table);
    await withForeignKeysCheckedAtEnd(tx, tables, async () => {
      for (const batch of batches) {
        for (const kind of DEMO_KINDS) (pending[kind] as unknown[]).push(...batch[kind]);
        if (batchSize(pending) >= FLUSH_AT_ROWS) await flush();
      }
      await flush();
    });
    await loadSampleNotice(exec, districtId, options.schoolYear);
    return districtId;
  });
  const now = options.now ?? new Date();
  // The frameworks come in through the CASE importer, as a district's own would.
  for (const pkg of demoFrameworkPackages())
    await importCasePackage(database, DEMO_LOADER, now, pkg, { districtId: loadedDistrictId });
  // The evidence needs the items' ids, which the importer gives.
  const evidence = await loadDemoEvidence(database, {
    districtId: loadedDistrictId,
    seed: options.seed,
    schoolYear: options.schoolYear,
    now,
    onProgress: options.onEvidenceProgress,
  });
  // Fresh statistics for the planner: PostgreSQL's autovacuum would catch up later, the
  // embedded database never does, and plans made without them are many times slower.
  await database.db.execute(sql`analyze`);
  return { ...counts, evidence };
}

import type { BulkTransaction } from "./copy";

/**
 * Runs a bulk load with the foreign keys of `tables` checked once at the end instead of
 * row by row: the constraints are dropped inside the transaction and added back with
 * their exact definitions, which validates every row in one pass per constraint (as
 * pg_restore does). Row-by-row checks made foreign keys most of a large load's time.
 * The tables are locked for the length of the transaction, and if any row is invalid
 * the re-added constraint fails and the whole load rolls back.
 */
export async function withForeignKeysCheckedAtEnd<T>(
  tx: BulkTransaction,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  const constraints = await tx.query<{ table_name: string; name: string; definition: string }>(
    `select conrelid::regclass::text as table_name, conname as name, pg_get_constraintdef(oid) as definition
       from pg_constraint
      where contype = 'f' and conrelid::regclass::text = any($1)
      order by conname`,
    [tables],
  );
  for (const constraint of constraints) {
    await tx.exec(`alter table ${constraint.table_name} drop constraint "${constraint.name}"`);
  }
  const result = await load();
  for (const constraint of constraints) {
    await tx.exec(`alter table ${constraint.table_name} add constraint "${constraint.name}" ${constraint.definition}`);
  }
  return result;
}

import { eq, sql } from "drizzle-orm";
import type { Db } from "../database";
import { account } from "../schema";

export type AccountRow = typeof account.$inferSelect;

export async function findAccountByEmail(db: Db, email: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(account).where(eq(account.email, email.toLowerCase()));
  return row;
}

export async function recordSignInFailure(
  db: Db,
  personId: string,
  state: { failures: number; lockedUntil: Date | null },
): Promise<void> {
  await db
    .update(account)
    .set({ failedSignIns: state.failures, lockedUntil: state.lockedUntil })
    .where(eq(account.personId, personId));
}

export async function recordSignInSuccess(db: Db, personId: string, now: Date): Promise<void> {
  await db
    .update(account)
    .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: now })
    .where(eq(account.personId, personId));
}

export async function createAccount(
  db: Db,
  values: { personId: string; email: string; passwordHash: string },
): Promise<void> {
  await db.insert(account).values({ ...values, email: values.email.toLowerCase() });
}

export async function countAccounts(db: Db): Promise<number> {
  const [row] = await db.select({ total: sql<number>`count(*)`.mapWith(Number) }).from(account);
  return row?.total ?? 0;
}

import { and, eq, gt, lte } from "drizzle-orm";
import type { Db } from "../database";
import { session } from "../schema";

export async function createSession(
  db: Db,
  values: { tokenHash: string; personId: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(session).values({
    tokenHash: values.tokenHash,
    personId: values.personId,
    createdAt: values.now,
    expiresAt: values.expiresAt,
  });
}

/** The person a live session belongs to; expired sessions are treated as absent. */
export async function findSessionPerson(db: Db, tokenHash: string, now: Date): Promise<string | undefined> {
  const [row] = await db
    .select({ personId: session.personId })
    .from(session)
    .where(and(eq(session.tokenHash, tokenHash), gt(session.expiresAt, now)));
  return row?.personId;
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(session).where(eq(session.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(session).where(lte(session.expiresAt, now));
}

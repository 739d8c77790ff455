import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { CairnError, isLocked, recordFailure, type SignInBody } from "@cairn/core";
import { createSession, findAccountByEmail, recordSignInFailure, recordSignInSuccess } from "@cairn/db";
import type { AppContext } from "../context";
import { decoyPasswordHash, verifyPassword } from "./password";
import { hashToken } from "./viewer-plugin";

const WRONG = "the email or password is not right";

function lockedError(lockedUntil: Date, now: Date): CairnError {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return new CairnError(
    "too_many_attempts",
    `too many failed sign-ins: this account is locked for ${minutes} more minute${minutes === 1 ? "" : "s"}`,
  );
}

/** Checks a password and opens a session; returns the session token for the cookie. */
export async function signIn(
  context: AppContext,
  input: SignInBody,
  now: Date,
): Promise<{ token: string; personId: string; expiresAt: Date }> {
  const { db } = context.database;
  const found = await findAccountByEmail(db, input.email);
  if (!found) {
    await verifyPassword(await decoyPasswordHash(), input.password);
    throw new CairnError("unauthenticated", WRONG);
  }
  const state = { failures: found.failedSignIns, lockedUntil: found.lockedUntil };
  if (isLocked(state, now)) throw lockedError(state.lockedUntil as Date, now);

  if (!(await verifyPassword(found.passwordHash, input.password))) {
    const { next, delayMs } = recordFailure(state, now);
    await recordSignInFailure(db, found.personId, next);
    await sleep(delayMs);
    if (isLocked(next, now)) throw lockedError(next.lockedUntil as Date, now);
    throw new CairnError("unauthenticated", WRONG);
  }

  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + context.sessionMs);
  await recordSignInSuccess(db, found.personId, now);
  await createSession(db, { tokenHash: hashToken(token), personId: found.personId, now, expiresAt });
  return { token, personId: found.personId, expiresAt };
}

import { eq } from "drizzle-orm";
import type { PersonalDataDeclaration } from "../privacy/registry";
import { account, session } from "../schema";

export const authPersonalData: PersonalDataDeclaration = {
  module: "auth",
  tables: [
    { table: "account", personColumns: ["person_id"], purpose: "signing in: email, password hash, lockout state" },
    { table: "session", personColumns: ["person_id"], purpose: "signed-in browsers (only a hash of each token)" },
  ],
  async exportStudentData(ctx, studentId) {
    // Secrets stay out of the export: no password hash, no token hashes.
    const [signIn] = await ctx.db
      .select({ email: account.email, createdAt: account.createdAt, lastSignInAt: account.lastSignInAt })
      .from(account)
      .where(eq(account.personId, studentId));
    const sessions = await ctx.db
      .select({ createdAt: session.createdAt, expiresAt: session.expiresAt })
      .from(session)
      .where(eq(session.personId, studentId));
    return { account: signIn ?? null, sessions };
  },
  async eraseStudentData(ctx, studentId) {
    await ctx.db.delete(session).where(eq(session.personId, studentId));
    await ctx.db.delete(account).where(eq(account.personId, studentId));
  },
};

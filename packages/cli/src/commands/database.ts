import { type Database, openDatabase } from "@cairn/db";

/** Opens the database chosen by DATABASE_URL / CAIRN_DATA_DIR, runs `work`, always closes. */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase();
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

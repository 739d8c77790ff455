import type { Viewer } from "@cairn/core";
import type { Db } from "./database";

/**
 * What every repository function takes first: the database (or the open transaction),
 * who is asking, and the time the request is answered at (the clock lives in the shell).
 */
export interface DbContext {
  db: Db;
  viewer: Viewer;
  now: Date;
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** What the server process tells the benchmark. */
export type ServerMessage =
  | { type: "ready"; url: string; openSeconds: number; loadSeconds: number }
  | { type: "error"; message: string };

export const API_DEMO_STUDENTS = 1500;

import type { Suite } from "../../suite";
import { coreBenchmark } from "./core";

/** Evidence and mastery: the pure mastery functions and BKT fitting (the ledger's benchmarks come with the ledger). */
export const evidence: Suite = { name: "evidence", benchmarks: [coreBenchmark] };

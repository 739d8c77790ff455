import type { Suite } from "../../suite";
import { coreBenchmark } from "./core";
import { ledgerBenchmark } from "./ledger";

/** Evidence and mastery: the pure mastery functions and BKT fitting, then the ledger on the 50,000-student demo. */
export const evidence: Suite = { name: "evidence", benchmarks: [coreBenchmark, ledgerBenchmark] };

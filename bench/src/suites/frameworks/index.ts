import type { Suite } from "../../suite";
import { caseBenchmark } from "./case";

/** Competency frameworks: CASE import and export at state scale, and the prerequisite map. */
export const frameworks: Suite = { name: "frameworks", benchmarks: [caseBenchmark] };

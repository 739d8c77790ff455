import type { Suite } from "../../suite";
import { apiLatency } from "./api-latency";
import { demoLoad } from "./demo-load";

/** The foundation: loading the demo district, and the API a teacher's home page calls. */
export const foundation: Suite = { name: "foundation", benchmarks: [demoLoad, apiLatency] };

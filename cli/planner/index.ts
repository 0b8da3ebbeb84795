export { planProgram, DEFAULT_TIMEOUT_MS, type PlanOptions } from "./plan-program";
export { InvokeTable } from "./invokes";
export { readProject, type PulumiProject } from "./project";

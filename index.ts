/**
 * phiguard as a library: the components to compose, the HIPAA pack's rules, and the offline
 * planner and engine behind `phiguard check`.
 */
export * from "./components";
export { hipaaPolicies, PACK_NAME, PACK_VERSION } from "./policies/hipaa";
export { evaluatePlan, sortFindings } from "./policies/engine";
export type { EvaluationResult, Finding, PhiguardPolicy } from "./policies/engine";
export { planProgram, type PlanOptions } from "./cli/planner";
export { loadPlanFile } from "./cli/loaders";
export { runCheck, type CheckOptions, type CheckResult } from "./cli/check";
export { PhiguardError } from "./cli/errors";
export type { Plan, PlannedResource, PlanValue } from "./cli/plan";

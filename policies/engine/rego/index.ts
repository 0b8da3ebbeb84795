/** The Rego engine: the pack's Rego rules, compiled to wasm, over a whole Plan in one evaluation. */
export {
  defaultWasmPath,
  evaluatePlanRego,
  loadRegoPack,
  FINDINGS_ENTRYPOINT,
  REGO_INTERFACE_VERSION,
  RULES_ENTRYPOINT,
} from "./evaluate";
export type { LoadedRegoPack, RegoEvaluateOptions, RegoEvaluationResult, RegoRuleInfo } from "./evaluate";
export { assertEnginesAgree, compareEngines, describeDisagreement } from "./compare";
export type { CompareOptions, EngineDisagreement } from "./compare";
export { ENGINES, evaluateWithEngine } from "./engines";
export type { Engine, EngineEvaluation } from "./engines";

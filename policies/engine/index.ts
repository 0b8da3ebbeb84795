/** The offline policy engine: Plan + phiguard rules → findings. */
export { evaluatePlan } from "./evaluate";
export type { EvaluatedPair, EvaluateOptions, EvaluationResult, NotApplicableEntry } from "./evaluate";
export { compareFindings, sortFindings } from "./finding";
export type { Finding, FindingKind, FindingLevel } from "./finding";
export { isResourceRule, isStackRule, ruleMetadata } from "./rule";
export type { PhiguardMetadata, PhiguardPolicy, PhiguardResourcePolicy, PhiguardStackPolicy, RuleControls } from "./rule";
export { REMOTE_COMPONENT_RULE_ID } from "./remote";

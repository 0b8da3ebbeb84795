/**
 * `phiguard check --engine ts|rego|both` in one call.
 *
 * - `ts`: the TypeScript rules (`evaluatePlan`).
 * - `rego`: the rules the Rego pack implements run in Rego; the others still run in TypeScript, so
 *   switching engines never drops a rule from the gate.
 * - `both`: both engines over the rules the Rego pack implements; any disagreement is a
 *   `PhiguardError` naming the rule and resource. The TypeScript result is returned.
 */
import type { Plan } from "../../../cli/plan";
import { evaluatePlan, type EvaluateOptions, type EvaluationResult } from "../evaluate";
import { compareStrings, sortFindings } from "../finding";
import { REMOTE_COMPONENT_RULE_ID } from "../remote";
import type { PhiguardPolicy } from "../rule";
import { assertEnginesAgree } from "./compare";
import { evaluatePlanRego, type RegoEvaluateOptions } from "./evaluate";

export type Engine = "ts" | "rego" | "both";

export const ENGINES: readonly Engine[] = ["ts", "rego", "both"];

export interface EngineEvaluation extends EvaluationResult {
  /** The rules each engine evaluated (with `both`, `rego` lists those both engines ran). */
  readonly engines: { readonly ts: string[]; readonly rego: string[] };
}

export async function evaluateWithEngine(
  engine: Engine,
  plan: Plan,
  policies: readonly PhiguardPolicy[],
  options: EvaluateOptions & Pick<RegoEvaluateOptions, "wasmPath"> = {},
): Promise<EngineEvaluation> {
  const names = policies.map((p) => p.name).sort(compareStrings);
  if (engine === "ts") return { ...(await evaluatePlan(plan, policies, options)), engines: { ts: names, rego: [] } };

  const rego = await evaluatePlanRego(plan, { ...options, policies });
  if (engine === "both") {
    const ts = await evaluatePlan(plan, policies, options);
    assertEnginesAgree(ts.findings, rego.findings, rego.ruleIds);
    return { ...ts, engines: { ts: names, rego: rego.ruleIds } };
  }

  // rego: the remaining rules in TypeScript, with the options that concern them.
  const ported = new Set(rego.ruleIds);
  const rest = policies.filter((p) => !ported.has(p.name));
  const keep = (key: string) => !ported.has(key);
  const ts = await evaluatePlan(plan, rest, {
    ...options,
    ...(options.enforcement ? { enforcement: Object.fromEntries(Object.entries(options.enforcement).filter(([k]) => keep(k))) } : {}),
    ...(options.policyConfig ? { policyConfig: Object.fromEntries(Object.entries(options.policyConfig).filter(([k]) => keep(k))) } : {}),
  });
  return {
    // The remote-component advisories come from both; keep one copy.
    findings: sortFindings([...rego.findings, ...ts.findings.filter((f) => f.ruleId !== REMOTE_COMPONENT_RULE_ID)]),
    notApplicable: ts.notApplicable,
    evaluated: [...rego.evaluated, ...ts.evaluated].sort((a, b) => compareStrings(a.ruleId, b.ruleId) || compareStrings(a.urn, b.urn)),
    engines: { ts: rest.map((p) => p.name).sort(compareStrings), rego: rego.ruleIds },
  };
}

/**
 * `phiguard check` without the printing: get a Plan (from the program, or from a preview/state
 * file), evaluate the pack over it, and decide pass/fail. Fails closed: anything that prevents a
 * verdict throws a PhiguardError (exit code 2).
 */
import * as path from "node:path";
import type { Plan } from "./plan";
import { planProgram } from "./planner";
import { loadPlanFile, type PlanFileFormat } from "./loaders";
import { loadPhiguardConfig, type PhiguardConfig } from "./config/phiguard-config";
import { type EvaluationResult, type PhiguardPolicy } from "../policies/engine";
import { evaluateWithEngine, type Engine } from "../policies/engine/rego/engines";
import { applyWaivers, blockingFindings, WAIVER_RULE_IDS, type ReportedFinding } from "../policies/engine/waivers";
import { hipaaPolicies, PACK_NAME, PACK_VERSION } from "../policies/hipaa";

export interface CheckOptions {
  /** The Pulumi project directory. @default the current directory */
  readonly dir?: string;
  readonly stack?: string;
  /** Gate on this file instead of planning the program. */
  readonly planFile?: string;
  /** What `planFile` holds. @default detected from its content */
  readonly from?: PlanFileFormat;
  /** @default `<dir>/phiguard.yaml` when present */
  readonly configFile?: string;
  /** Overrides phiguard.yaml `timeoutSeconds`. @default 60 */
  readonly timeoutSeconds?: number;
  /** @default the phiguard HIPAA pack */
  readonly policies?: readonly PhiguardPolicy[];
  /**
   * Which engine evaluates the pack: the TypeScript rules, the compiled Rego pack (its rules
   * only), or both, where any disagreement on a rule both implement is an error. @default "ts"
   */
  readonly engine?: Engine;
  /** The day waivers are judged against. @default today (UTC) */
  readonly today?: Date | string;
  /** Called as work progresses (for progress output). */
  readonly onProgress?: (step: string) => void;
}

export { ENGINES, type Engine } from "../policies/engine/rego/engines";

export interface CheckResult {
  readonly plan: Plan;
  readonly policies: readonly PhiguardPolicy[];
  readonly evaluation: EvaluationResult;
  /** The engine's findings after waivers: waived ones stay, marked; waiver problems are added. */
  readonly findings: readonly ReportedFinding[];
  readonly config: PhiguardConfig;
  readonly configFile?: string;
  /** false when any mandatory violation remains. */
  readonly passed: boolean;
}

export async function getPlan(options: CheckOptions, config: PhiguardConfig): Promise<Plan> {
  const dir = path.resolve(options.dir ?? ".");
  if (options.planFile) return loadPlanFile(options.planFile, options.from);
  const stack = options.stack ?? config.stack;
  const timeoutSeconds = options.timeoutSeconds ?? config.timeoutSeconds;
  return planProgram({
    dir,
    ...(stack ? { stack } : {}),
    ...(timeoutSeconds ? { timeoutMs: timeoutSeconds * 1000 } : {}),
    ...(config.invokes ? { invokes: config.invokes } : {}),
    ...(config.accountId ? { accountId: config.accountId } : {}),
    ...(config.stackTags ? { stackTags: config.stackTags } : {}),
  });
}

export async function runCheck(options: CheckOptions = {}): Promise<CheckResult> {
  const dir = path.resolve(options.dir ?? ".");
  const { config, file } = loadPhiguardConfig(dir, options.configFile);
  options.onProgress?.(options.planFile ? `loading ${options.planFile}` : `planning ${dir}`);
  const plan = await getPlan(options, config);
  const policies = options.policies ?? hipaaPolicies;
  options.onProgress?.(`evaluating ${policies.length} rules over ${plan.resources.length} resources`);
  const evaluateOptions = {
    packName: PACK_NAME,
    packVersion: PACK_VERSION,
    ...(config.enforcement ? { enforcement: config.enforcement } : {}),
    ...(config.policyConfig ? { policyConfig: config.policyConfig } : {}),
  };
  const engine = options.engine ?? "ts";
  // With "rego", the rules the Rego pack does not implement still run, in TypeScript.
  const evaluation = await evaluateWithEngine(engine, plan, policies, evaluateOptions);
  const knownRuleIds = [...policies.map((p) => p.name), ...WAIVER_RULE_IDS];
  const findings = applyWaivers(evaluation.findings, config.waivers ?? [], knownRuleIds, options.today ?? new Date());
  return {
    plan,
    policies,
    evaluation,
    findings,
    config,
    ...(file ? { configFile: file } : {}),
    passed: blockingFindings(findings).length === 0,
  };
}

/** A finding that fails the gate: mandatory and not waived (unverifiable values are advisory). */
export function isBlocking(finding: ReportedFinding): boolean {
  return finding.level === "mandatory" && finding.waiver === undefined;
}

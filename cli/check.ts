/**
 * `phiguard check` without the printing: get a Plan (from the program, or from a preview/state
 * file), evaluate the pack over it, and decide pass/fail. Fails closed: anything that prevents a
 * verdict throws a PhiguardError (exit code 2).
 */
import * as path from "node:path";
import type { Plan } from "./plan";
import { planProgram } from "./planner";
import { loadPlanFile, type PlanFileFormat } from "./loaders";
import { detectPlanFormat } from "./loaders/detect";
import { loadPhiguardConfig, type PhiguardConfig } from "./config/phiguard-config";
import { evaluatePlan, type EvaluationResult, type Finding, type PhiguardPolicy } from "../policies/engine";
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
  /** Called as work progresses (for progress output). */
  readonly onProgress?: (step: string) => void;
}

export interface CheckResult {
  readonly plan: Plan;
  readonly policies: readonly PhiguardPolicy[];
  readonly evaluation: EvaluationResult;
  readonly findings: readonly Finding[];
  readonly config: PhiguardConfig;
  readonly configFile?: string;
  /** false when any mandatory violation remains. */
  readonly passed: boolean;
}

export async function getPlan(options: CheckOptions, config: PhiguardConfig): Promise<Plan> {
  const dir = path.resolve(options.dir ?? ".");
  if (options.planFile) return loadPlanFile(options.planFile, options.from ?? detectPlanFormat(options.planFile));
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
  const evaluation = await evaluatePlan(plan, policies, {
    packName: PACK_NAME,
    packVersion: PACK_VERSION,
    ...(config.enforcement ? { enforcement: config.enforcement } : {}),
    ...(config.policyConfig ? { policyConfig: config.policyConfig } : {}),
  });
  const findings = evaluation.findings;
  return {
    plan,
    policies,
    evaluation,
    findings,
    config,
    ...(file ? { configFile: file } : {}),
    passed: !findings.some(isBlocking),
  };
}

/** A finding that fails the gate: a mandatory violation (unverifiable values are advisory). */
export function isBlocking(finding: Finding): boolean {
  return finding.level === "mandatory";
}

/**
 * The Rego engine: the HIPAA pack's Rego rules (policies/opa, compiled by scripts/build-rego.sh
 * into the committed policies/opa/dist/phiguard.wasm), evaluated in-process with
 * `@open-policy-agent/opa-wasm`. The Plan goes in once, whole (entrypoint `phiguard/findings`); the
 * verdicts come back as the same `Finding`s the TypeScript engine produces, with the metadata
 * (HIPAA paragraphs, remediation, severity, description) of the TypeScript rule of the same ID, so
 * waivers and reporters apply unchanged.
 *
 * Fails closed: a missing, broken or mismatched wasm, a missing entrypoint, a Rego runtime error or
 * a result of the wrong shape is a `PhiguardError`, never a pass.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadPolicy, type LoadedPolicy } from "@open-policy-agent/opa-wasm";
import type { EnforcementLevel } from "@pulumi/policy";
import { messageOf, PhiguardError } from "../../../cli/errors";
import type { Plan } from "../../../cli/plan";
import { resourceOptions } from "../args";
import { checkRuleConfig, enforcementOf, makeGetConfig } from "../config";
import type { EvaluatedPair, EvaluateOptions, EvaluationResult } from "../evaluate";
import { compareStrings, sortFindings, type Finding, type FindingLevel } from "../finding";
import { REMOTE_COMPONENT_RULE_ID, remoteComponentFindings } from "../remote";
import { isResourceRule, isStackRule, ruleMetadata, type PhiguardPolicy } from "../rule";
import { hipaaPolicies } from "../../hipaa";
import { InvalidPlanValueError, toPolicyProps } from "../values";

/** The version of the entrypoints' contract this evaluator speaks (`interface_version` in Rego). */
export const REGO_INTERFACE_VERSION = 1;
export const FINDINGS_ENTRYPOINT = "phiguard/findings";
export const RULES_ENTRYPOINT = "phiguard/rules";

/** The JavaScript WebAssembly API (this project's TypeScript lib settings do not declare it). */
type WasmModule = object;
const wasmApi = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WasmModule> } }).WebAssembly;

/** Where the committed wasm lives, relative to the repository (or installed package) root. */
const WASM_IN_PACKAGE = path.join("policies", "opa", "dist", "phiguard.wasm");

export interface RegoEvaluateOptions extends EvaluateOptions {
  /**
   * The TypeScript rules whose IDs, enforcement levels and metadata the Rego rules share; every
   * Rego rule must have one. @default the phiguard HIPAA pack (`hipaaPolicies`)
   */
  readonly policies?: readonly PhiguardPolicy[];
  /** The compiled pack. @default the committed `policies/opa/dist/phiguard.wasm` */
  readonly wasmPath?: string;
}

export interface RegoEvaluationResult extends EvaluationResult {
  /** The rules the Rego pack implements (and therefore evaluated), sorted. */
  readonly ruleIds: string[];
}

/** One rule as the Rego pack's `phiguard/rules` entrypoint describes it. */
export interface RegoRuleInfo {
  /** The analyzer rule that runs it, e.g. `deny_k8s_no_host_ports`; also its key under data.config. */
  readonly rego: string;
  readonly level: "advisory" | "mandatory";
  readonly scope: "resource" | "stack";
  /** The resource types it checks, sorted (the TypeScript rule's `resourceTypes`). */
  readonly types: readonly string[];
}

interface RegoFinding {
  readonly ruleId: string;
  readonly urn: string;
  readonly level: FindingLevel;
  readonly kind: "violation" | "unverifiable";
  readonly message: string;
  /** The violation's own level (`report({ ..., enforcementLevel })`), kept under enforcement overrides. */
  readonly ownLevel?: boolean;
}

/** Finds the committed wasm from this file, in the sources or in `dist/`. */
export function defaultWasmPath(start: string = __dirname): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, WASM_IN_PACKAGE);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) {
      throw new PhiguardError(
        `cannot find the Rego pack's compiled policy (${WASM_IN_PACKAGE}) above ${start}; reinstall phiguard, or build it with scripts/build-rego.sh`,
      );
    }
  }
}

const loaded = new Map<string, { mtimeMs: number; size: number; policy: Promise<LoadedRegoPack> }>();

/** The compiled pack at `wasmPath`, loaded once per file version and checked. */
export function loadRegoPack(wasmPath: string = defaultWasmPath()): Promise<LoadedRegoPack> {
  const file = path.resolve(wasmPath);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    return Promise.reject(new PhiguardError(`cannot read the Rego pack ${file}: ${messageOf(e)}`, { cause: e }));
  }
  const cached = loaded.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.policy;
  const policy = LoadedRegoPack.load(file);
  loaded.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, policy });
  policy.catch(() => loaded.delete(file));
  return policy;
}

/**
 * A loaded, checked Rego pack. Evaluations run one at a time (the wasm is synchronous). A Rego
 * runtime error aborts the wasm in the middle of an evaluation and leaves its memory in an unknown
 * state, so the pack then instantiates the module afresh before the next evaluation.
 */
export class LoadedRegoPack {
  private policy: Promise<LoadedPolicy> | LoadedPolicy;

  private constructor(
    readonly file: string,
    private readonly module: WasmModule,
    policy: LoadedPolicy,
    /** The pack's rules, by rule ID. */
    readonly rules: ReadonlyMap<string, RegoRuleInfo>,
  ) {
    this.policy = policy;
  }

  static async load(file: string): Promise<LoadedRegoPack> {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (e) {
      throw new PhiguardError(`cannot read the Rego pack ${file}: ${messageOf(e)}`, { cause: e });
    }
    let module: WasmModule;
    let policy: LoadedPolicy;
    try {
      module = await wasmApi.compile(bytes);
      policy = await instantiate(module);
    } catch (e) {
      throw new PhiguardError(
        `${file} is not a usable compiled Rego policy (${wasmErrorText(e)}); rebuild it with scripts/build-rego.sh`,
        { cause: e },
      );
    }
    const entrypoints = (policy.entrypoints ?? {}) as Record<string, unknown>;
    for (const entrypoint of [FINDINGS_ENTRYPOINT, RULES_ENTRYPOINT]) {
      if (!Object.prototype.hasOwnProperty.call(entrypoints, entrypoint)) {
        throw new PhiguardError(
          `${file} has no entrypoint ${entrypoint} (it has ${Object.keys(entrypoints).join(", ") || "none"}); rebuild it with scripts/build-rego.sh`,
        );
      }
    }
    const info = evaluateOnce(file, policy, {}, RULES_ENTRYPOINT);
    return new LoadedRegoPack(file, module, policy, parseRules(file, info));
  }

  /** Runs `phiguard/findings` over the whole plan, with `data` (rule config) set first. */
  async findings(plan: Plan, data: object): Promise<RegoFinding[]> {
    const policy = await this.policy;
    try {
      try {
        policy.setData(data);
      } catch (e) {
        throw new PhiguardError(`cannot load the rule configuration into the Rego pack ${this.file}: ${wasmErrorText(e)}`, { cause: e });
      }
      const result = evaluateOnce(this.file, policy, plan, FINDINGS_ENTRYPOINT);
      return parseFindings(this.file, result, this.rules);
    } catch (e) {
      this.policy = instantiate(this.module);
      throw e;
    }
  }
}

/**
 * A fresh instance of the compiled module, with its own memory. OPA's wasm allocator slows to a
 * crawl while it grows a small memory page by page: a 5,000-resource plan's first evaluation took
 * ~45 s from 64 pages and ~4 s from 1 GiB (later ones ~2-3 s either way). Pages are only committed
 * as they are touched.
 */
const INITIAL_WASM_PAGES = 16_384; // 64 KiB each: 1 GiB

function instantiate(module: WasmModule): Promise<LoadedPolicy> {
  return loadPolicy(module as never, { initial: INITIAL_WASM_PAGES });
}

function evaluateOnce(file: string, policy: LoadedPolicy, input: unknown, entrypoint: string): unknown {
  let resultSet: unknown;
  try {
    resultSet = policy.evaluate(input, entrypoint);
  } catch (e) {
    throw new PhiguardError(`the Rego pack ${file} failed in ${entrypoint}: ${wasmErrorText(e)}`, { cause: e });
  }
  // A result set: one element {result} when the entrypoint is defined, none when it is not.
  if (!Array.isArray(resultSet) || resultSet.length !== 1 || !isRecord(resultSet[0]) || !("result" in resultSet[0])) {
    throw new PhiguardError(
      `the Rego pack ${file} gave no result for ${entrypoint} (${JSON.stringify(resultSet)?.slice(0, 200)}); expected exactly one; the policy is broken or does not match this phiguard`,
    );
  }
  return resultSet[0].result;
}

function parseRules(file: string, value: unknown): Map<string, RegoRuleInfo> {
  const bad = (what: string): never => {
    throw new PhiguardError(`the Rego pack ${file} does not match this phiguard: ${what}; rebuild it with scripts/build-rego.sh`);
  };
  if (!isRecord(value)) return bad(`${RULES_ENTRYPOINT} is ${JSON.stringify(value)}, expected an object`);
  if (value.interface !== REGO_INTERFACE_VERSION) {
    return bad(`its interface version is ${JSON.stringify(value.interface)}, expected ${REGO_INTERFACE_VERSION}`);
  }
  if (!isRecord(value.rules)) return bad(`${RULES_ENTRYPOINT}.rules is not an object`);
  const rules = new Map<string, RegoRuleInfo>();
  for (const [id, rule] of Object.entries(value.rules)) {
    if (
      !isRecord(rule) ||
      typeof rule.rego !== "string" ||
      (rule.level !== "advisory" && rule.level !== "mandatory") ||
      (rule.scope !== "resource" && rule.scope !== "stack") ||
      !Array.isArray(rule.types) ||
      !rule.types.every((t) => typeof t === "string")
    ) {
      return bad(`rule '${id}' is described as ${JSON.stringify(rule)?.slice(0, 200)}`);
    }
    rules.set(id, { rego: rule.rego, level: rule.level, scope: rule.scope, types: rule.types as string[] });
  }
  return rules;
}

function parseFindings(file: string, value: unknown, rules: ReadonlyMap<string, RegoRuleInfo>): RegoFinding[] {
  if (!Array.isArray(value)) {
    throw new PhiguardError(`the Rego pack ${file} returned ${typeof value} from ${FINDINGS_ENTRYPOINT}, expected an array of findings`);
  }
  return value.map((f, i) => {
    if (
      !isRecord(f) ||
      typeof f.ruleId !== "string" ||
      !rules.has(f.ruleId) ||
      typeof f.urn !== "string" ||
      (f.kind !== "violation" && f.kind !== "unverifiable") ||
      (f.level !== "advisory" && f.level !== "mandatory") ||
      typeof f.message !== "string" ||
      (f.ownLevel !== undefined && typeof f.ownLevel !== "boolean")
    ) {
      throw new PhiguardError(
        `the Rego pack ${file} returned a malformed finding #${i} from ${FINDINGS_ENTRYPOINT}: ${JSON.stringify(f)?.slice(0, 300)}`,
      );
    }
    return f as unknown as RegoFinding;
  });
}

/**
 * Evaluates the Rego pack over the plan: every rule it implements, with the enforcement and
 * configuration of `options` (as `evaluatePlan` takes them), plus phiguard's remote-component
 * advisories. Rules of `options.policies` the Rego pack does not implement are not evaluated; the
 * result's `ruleIds` says which were.
 */
export async function evaluatePlanRego(plan: Plan, options: RegoEvaluateOptions = {}): Promise<RegoEvaluationResult> {
  const policies = options.policies ?? hipaaPolicies;
  const pack = await loadRegoPack(options.wasmPath ?? defaultWasmPath());
  const byName = new Map(policies.map((p) => [p.name, p]));
  checkRuleConfig(policies, options, [REMOTE_COMPONENT_RULE_ID]);
  checkPackAgainstRules(pack, byName);
  checkPlan(plan);

  // The time of the check (Date.now(), as the TypeScript rules read it): data.phiguard.now_ms.
  const data: { config: Record<string, object>; phiguard: { now_ms: number } } = { config: {}, phiguard: { now_ms: Date.now() } };
  const levels = new Map<string, FindingLevel>();
  for (const [id, rule] of pack.rules) {
    const policy = byName.get(id) as PhiguardPolicy;
    const level = enforcementOf(policy, options);
    if (level === "disabled") continue;
    levels.set(id, levelOf(level));
    data.config[rule.rego] = makeGetConfig(policy, options)();
  }

  const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
  const findings: Finding[] = [];
  for (const f of await pack.findings(plan, data)) {
    const level = levels.get(f.ruleId);
    if (level === undefined) continue; // disabled
    const policy = byName.get(f.ruleId) as PhiguardPolicy;
    const meta = ruleMetadata(policy);
    const resource = byUrn.get(f.urn);
    findings.push({
      ruleId: f.ruleId,
      // As the TypeScript engine: a violation's own level (levelOf(enforcementLevel || level)) wins.
      level: f.kind !== "violation" ? "advisory" : f.ownLevel === true ? f.level : level,
      kind: f.kind,
      urn: f.urn,
      ...(resource ? { resourceType: resource.type, resourceName: resource.name } : {}),
      message: f.kind === "violation" ? `${policy.description}\n${f.message}` : f.message,
      hipaa: [...meta.hipaa],
      remediation: meta.remediation,
      ...(policy.severity ? { severity: policy.severity } : {}),
    });
  }
  findings.push(...remoteComponentFindings(plan, options.enforcement?.[REMOTE_COMPONENT_RULE_ID]));

  return {
    findings: sortFindings(findings),
    notApplicable: [],
    evaluated: evaluatedPairs(plan, pack, byName, levels),
    ruleIds: [...pack.rules.keys()].sort(compareStrings),
  };
}

/**
 * Rejects what the TypeScript engine rejects while it builds its arguments (it builds them for
 * every resource, since the pack has stack rules): malformed special values and custom timeouts.
 */
function checkPlan(plan: Plan): void {
  for (const resource of plan.resources) {
    try {
      toPolicyProps(resource.props);
    } catch (e) {
      if (e instanceof InvalidPlanValueError) {
        throw new PhiguardError(`resource ${resource.urn}: ${e.message}; the plan is malformed`, { cause: e });
      }
      throw e;
    }
    resourceOptions(resource);
  }
}

/** Every Rego rule must be a TypeScript rule of the same kind and default enforcement level. */
function checkPackAgainstRules(pack: LoadedRegoPack, byName: ReadonlyMap<string, PhiguardPolicy>): void {
  for (const [id, rule] of pack.rules) {
    const policy = byName.get(id);
    const mismatch = (what: string) =>
      new PhiguardError(`the Rego pack ${pack.file} does not match the rule set: rule '${id}' ${what}; rebuild it with scripts/build-rego.sh`);
    if (!policy) throw mismatch("has no TypeScript rule of that name");
    const tsLevel: EnforcementLevel = policy.enforcementLevel ?? "advisory";
    if (levelOf(tsLevel) !== rule.level) throw mismatch(`is ${rule.level} in Rego but ${tsLevel} in TypeScript`);
    const scope = isStackRule(policy) ? "stack" : isResourceRule(policy) ? "resource" : "none";
    if (scope !== rule.scope) throw mismatch(`is a ${rule.scope} rule in Rego but a ${scope} rule in TypeScript`);
    const tsTypes = [...new Set(policy.resourceTypes ?? [])].sort(compareStrings);
    if (JSON.stringify(tsTypes) !== JSON.stringify(rule.types)) {
      const only = (a: readonly string[], b: readonly string[]) => a.filter((t) => !b.includes(t));
      throw mismatch(
        `checks other resource types in Rego than in TypeScript (only in Rego: ${only(rule.types, tsTypes).join(", ") || "none"}; only in TypeScript: ${only(tsTypes, rule.types).join(", ") || "none"})`,
      );
    }
  }
}

/** The rule × resource pairs checked: each candidate of a rule's `resourceTypes`. */
function evaluatedPairs(
  plan: Plan,
  pack: LoadedRegoPack,
  byName: ReadonlyMap<string, PhiguardPolicy>,
  levels: ReadonlyMap<string, FindingLevel>,
): EvaluatedPair[] {
  const pairs: EvaluatedPair[] = [];
  for (const id of pack.rules.keys()) {
    if (!levels.has(id)) continue;
    const types = (byName.get(id) as PhiguardPolicy).resourceTypes;
    if (!types) {
      pairs.push({ ruleId: id });
      continue;
    }
    const wanted = new Set(types);
    for (const r of plan.resources) if (wanted.has(r.type)) pairs.push({ ruleId: id, urn: r.urn });
  }
  return pairs.sort((a, b) => compareStrings(a.ruleId, b.ruleId) || compareStrings(a.urn, b.urn));
}

function levelOf(level: EnforcementLevel): FindingLevel {
  return level === "mandatory" || level === "remediate" ? "mandatory" : "advisory";
}

/** The wasm runtime throws strings (opa_abort) as well as Errors. */
function wasmErrorText(e: unknown): string {
  if (typeof e === "string") return e;
  if (isRecord(e) && typeof e.message === "string") return messageOf(e.message);
  return messageOf(e);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * The offline engine: runs phiguard rules (ordinary `@pulumi/policy` policies) over a Plan with the
 * same arguments, enforcement and not-applicable semantics as `@pulumi/policy`'s own analyzer
 * server, and turns the verdicts into findings.
 */
import type { EnforcementLevel, ReportViolation, ResourceValidation, Severity } from "@pulumi/policy";
import { messageOf, PhiguardError } from "../../cli/errors";
import type { Plan, PlannedResource } from "../../cli/plan";
import { NotApplicableError, PlanIndex, resourceValidationArgs, throwNotApplicable } from "./args";
import { stackResources } from "./stack-resources";
import { checkRuleConfig, enforcementOf, makeGetConfig, type RuleConfigOptions } from "./config";
import { compareStrings, sortFindings, type Finding, type FindingLevel } from "./finding";
import { UnverifiableValueError } from "./proxy";
import { REMOTE_COMPONENT_RULE_ID, remoteComponentFindings } from "./remote";
import {
  isResourceRule,
  isStackRule,
  pulumiTypeOf,
  ruleMetadata,
  type PhiguardMetadata,
  type PhiguardPolicy,
  type PhiguardResourcePolicy,
  type PhiguardStackPolicy,
} from "./rule";

export interface EvaluateOptions extends RuleConfigOptions {
  /** Used in error messages. @default "phiguard" */
  readonly packName?: string;
  /** Used in error messages. @default "0.0.0" */
  readonly packVersion?: string;
}

export interface NotApplicableEntry {
  readonly ruleId: string;
  /** Absent for a stack rule. */
  readonly urn?: string;
  /** The rule's reason; "" when it gave none (as the server reports it). */
  readonly reason: string;
}

/** A rule × resource pair the rule checked (a stack rule without `resourceTypes`: no urn). */
export interface EvaluatedPair {
  readonly ruleId: string;
  readonly urn?: string;
}

export interface EvaluationResult {
  readonly findings: Finding[];
  readonly notApplicable: NotApplicableEntry[];
  readonly evaluated: EvaluatedPair[];
}

/** The object form `reportViolation` also accepts (undocumented, supported by the server). */
interface ViolationInfo {
  name?: string;
  message?: string;
  description?: string;
  urn?: string;
  enforcementLevel?: EnforcementLevel;
  severity?: Severity;
}

export async function evaluatePlan(
  plan: Plan,
  policies: readonly PhiguardPolicy[],
  options: EvaluateOptions = {},
): Promise<EvaluationResult> {
  const metas = checkPolicies(policies, options);
  const run = new Run(new PlanIndex(plan), options);
  for (const policy of policies) {
    let level = enforcementOf(policy, options);
    if (level === "disabled") continue;
    if (level === "remediate") level = "mandatory";
    const rule: RuleRun = {
      policy,
      meta: metas.get(policy) as PhiguardMetadata,
      level,
      getConfig: makeGetConfig(policy, options),
    };
    if (isResourceRule(policy)) await run.resourceRule(rule as RuleRun<PhiguardResourcePolicy>);
    if (isStackRule(policy)) await run.stackRule(rule as RuleRun<PhiguardStackPolicy>);
  }
  const remoteLevel = options.enforcement?.[REMOTE_COMPONENT_RULE_ID];
  run.findings.push(...remoteComponentFindings(plan, remoteLevel));
  return {
    findings: sortFindings(run.findings),
    notApplicable: run.notApplicable.sort(
      (a, b) => compareStrings(a.ruleId, b.ruleId) || compareStrings(a.urn, b.urn) || compareStrings(a.reason, b.reason),
    ),
    evaluated: run.evaluated.sort((a, b) => compareStrings(a.ruleId, b.ruleId) || compareStrings(a.urn, b.urn)),
  };
}

function checkPolicies(policies: readonly PhiguardPolicy[], options: EvaluateOptions) {
  const metas = new Map<PhiguardPolicy, PhiguardMetadata>();
  const names = new Set<string>();
  for (const policy of policies) {
    metas.set(policy, ruleMetadata(policy));
    if (names.has(policy.name)) throw new PhiguardError(`rule '${policy.name}' is defined twice; rule names must be unique`);
    if (policy.name === REMOTE_COMPONENT_RULE_ID) throw new PhiguardError(`rule '${policy.name}' uses a name reserved by phiguard`);
    names.add(policy.name);
  }
  checkRuleConfig(policies, options, [REMOTE_COMPONENT_RULE_ID]);
  return metas;
}

interface RuleRun<P extends PhiguardPolicy = PhiguardPolicy> {
  readonly policy: P;
  readonly meta: PhiguardMetadata;
  readonly level: Exclude<EnforcementLevel, "disabled" | "remediate">;
  readonly getConfig: <T extends object>() => T;
}

class Run {
  readonly findings: Finding[] = [];
  readonly notApplicable: NotApplicableEntry[] = [];
  readonly evaluated: EvaluatedPair[] = [];

  constructor(
    private readonly index: PlanIndex,
    private readonly options: EvaluateOptions,
  ) {}

  async resourceRule(rule: RuleRun<PhiguardResourcePolicy>): Promise<void> {
    const { policy } = rule;
    const validate = policy.validateResource;
    const candidates = this.candidates(rule.meta.resourceTypes);
    if (!validate) {
      // A remediation-only policy, as the server reports it.
      for (const r of candidates) this.skip(policy.name, r.urn, "Policy does not implement validateResource");
      return;
    }
    const validations: readonly ResourceValidation[] = Array.isArray(validate) ? validate : [validate];
    const onlyType = Array.isArray(validate) ? undefined : pulumiTypeOf(validate);
    for (const resource of candidates) {
      if (onlyType && resource.type !== onlyType) {
        this.skip(policy.name, resource.urn, `Policy only applies to resources of type '${onlyType}'`);
        continue;
      }
      let applicable = false;
      for (const validation of validations) {
        const args = resourceValidationArgs(this.index, resource, rule.getConfig);
        const report = this.reporter(rule, resource.urn);
        if (await this.call(rule, resource, () => validation(args, report))) applicable = true;
      }
      if (applicable) this.evaluated.push({ ruleId: policy.name, urn: resource.urn });
    }
  }

  async stackRule(rule: RuleRun<PhiguardStackPolicy>): Promise<void> {
    const { policy } = rule;
    const onlyType = pulumiTypeOf(policy.validateStack);
    if (onlyType && !this.index.byType.has(onlyType)) {
      this.skip(policy.name, undefined, `Policy only applies to resources of type '${onlyType}'`);
      return;
    }
    const args = {
      resources: stackResources(this.index),
      getConfig: rule.getConfig,
      stackTags: this.index.stackTags,
      notApplicable: throwNotApplicable,
    };
    const report = this.reporter(rule, undefined);
    if (!(await this.call(rule, undefined, () => policy.validateStack(args, report)))) return;
    const types = rule.meta.resourceTypes;
    if (!types) this.evaluated.push({ ruleId: policy.name });
    for (const r of types ? this.candidates(types) : []) this.evaluated.push({ ruleId: policy.name, urn: r.urn });
  }

  /** Runs one validation; false when it declared itself not applicable. */
  private async call(
    rule: RuleRun,
    resource: PlannedResource | undefined,
    validation: () => void | Promise<void>,
  ): Promise<boolean> {
    try {
      const result = validation();
      if (result && typeof (result as Promise<void>).then === "function") await result;
      return true;
    } catch (e) {
      if (e instanceof UnverifiableValueError) {
        this.unverifiable(rule, resource?.urn ?? e.owner.urn, e);
        return true;
      }
      if (e instanceof NotApplicableError) {
        this.skip(rule.policy.name, resource?.urn, e.reason ?? "");
        return false;
      }
      const pack = `${this.options.packName ?? "phiguard"}@v${this.options.packVersion ?? "0.0.0"}`;
      const where = resource ? `resource ${resource.urn}` : `stack ${this.index.plan.project}/${this.index.plan.stack}`;
      throw new PhiguardError(`rule '${rule.policy.name}' (pack ${pack}) failed on ${where}: ${messageOf(e)}`, {
        cause: e,
      });
    }
  }

  private reporter(rule: RuleRun, defaultUrn: string | undefined): ReportViolation {
    const { policy, meta, level } = rule;
    return ((message: string | ViolationInfo | undefined, urn?: string) => {
      if (message !== null && typeof message === "object") {
        this.finding(
          meta,
          message.name || policy.name,
          levelOf(message.enforcementLevel || level),
          "violation",
          message.urn || defaultUrn,
          message.message || message.description || policy.description,
          message.severity || policy.severity,
        );
        return;
      }
      let text = policy.description;
      if (message) text += `\n${message}`;
      this.finding(meta, policy.name, level, "violation", urn || defaultUrn, text, policy.severity);
    }) as ReportViolation;
  }

  private unverifiable(rule: RuleRun, urn: string, e: UnverifiableValueError): void {
    const message =
      e.reason === "secret"
        ? `cannot be verified before deploy: ${e.path} (secret value is not available offline)`
        : `cannot be verified before deploy: ${e.path}`;
    this.finding(rule.meta, rule.policy.name, "advisory", "unverifiable", urn, message, rule.policy.severity);
  }

  private finding(
    meta: PhiguardMetadata,
    ruleId: string,
    level: FindingLevel,
    kind: Finding["kind"],
    urn: string | undefined,
    message: string,
    severity: Severity | undefined,
  ): void {
    const resource = urn ? this.index.byUrn.get(urn) : undefined;
    this.findings.push({
      ruleId,
      level,
      kind,
      ...(urn ? { urn } : {}),
      ...(resource ? { resourceType: resource.type, resourceName: resource.name } : {}),
      message,
      hipaa: [...meta.hipaa],
      remediation: meta.remediation,
      ...(severity ? { severity } : {}),
    });
  }

  private skip(ruleId: string, urn: string | undefined, reason: string): void {
    this.notApplicable.push(urn ? { ruleId, urn, reason } : { ruleId, reason });
  }

  /** Resources of the given types in plan order, or every resource. */
  private candidates(types: readonly string[] | undefined): readonly PlannedResource[] {
    if (!types) return this.index.plan.resources;
    const wanted = new Set(types);
    if (wanted.size === 1) return this.index.byType.get(types[0] as string) ?? [];
    return this.index.plan.resources.filter((r) => wanted.has(r.type));
  }
}

function levelOf(level: EnforcementLevel): FindingLevel {
  return level === "mandatory" || level === "remediate" ? "mandatory" : "advisory";
}

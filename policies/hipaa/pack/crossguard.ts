/**
 * The HIPAA rules as the Pulumi CLI's policy engine (CrossGuard) runs them.
 *
 * - Only the fields `@pulumi/policy` knows are passed on; phiguard's remediation becomes
 *   `remediationSteps` and its HIPAA paragraphs the policy's compliance `framework`.
 * - Enforcement overrides are CrossGuard's own: `enforcementLevel` per policy (or `all`) in
 *   `pulumi preview --policy-pack-config <file>`.
 * - Waivers come from the same config: every policy accepts a `waivers` list of
 *   `{ resource, reason, approver, expires }`. A violation a valid, unexpired waiver covers is still
 *   reported, under its own rule, at advisory level and marked as waived; expired and invalid
 *   waivers are reported by the mandatory policies `phiguard-waiver-expired` / `-invalid`, waivers
 *   that matched nothing by the advisory `phiguard-waiver-unmatched` (stack policies, which the
 *   engine runs after every resource was analyzed).
 */
import type {
  Policies,
  PolicyConfigSchema,
  ReportViolation,
  ResourceValidation,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from "@pulumi/policy";
import { z } from "zod";
import { isResourceRule, isStackRule, type PhiguardPolicy } from "../../engine/rule";
import {
  dayOf,
  describeWaiver,
  expiredWaiverFinding,
  invalidWaiverFinding,
  judgeWaiver,
  selectorMatches,
  unmatchedWaiverFinding,
  WAIVER_EXPIRED_RULE_ID,
  WAIVER_INVALID_RULE_ID,
  WAIVER_UNMATCHED_RULE_ID,
  type AppliedWaiver,
} from "../../engine/waivers";
import { hipaaParagraph } from "../controls";

/** The JSON schema of the `waivers` setting every policy of the pack accepts. */
export const WAIVERS_CONFIG_PROPERTY = {
  type: "array",
  description:
    "Waivers for this rule: resource (full URN, resource name, or a glob with *), reason (at least 20 characters), approver, expires (YYYY-MM-DD).",
  default: [],
  items: {
    type: "object",
    properties: {
      resource: { type: "string" },
      reason: { type: "string" },
      approver: { type: "string" },
      expires: { type: "string" },
    },
    required: ["resource"],
    additionalProperties: false,
  },
} as const;

const packWaiverSchema = z.strictObject({
  resource: z.string().trim().min(1),
  reason: z.string().optional(),
  approver: z.string().optional(),
  expires: z.string().optional(),
});

interface ActiveWaiver {
  readonly where: string;
  readonly waiver: AppliedWaiver;
  used: boolean;
}

/** The waivers seen during one run of the pack (the policy pack process serves one update). */
export class WaiverRegistry {
  private readonly byRule = new Map<string, ActiveWaiver[]>();
  private readonly problems = new Map<string, { ruleId: string; message: string }>();

  constructor(private readonly today: () => Date | string = () => new Date()) {}

  /** The active waivers of `rule`, from its config; invalid and expired ones are recorded once. */
  activeFor(rule: string, config: { waivers?: unknown }): ActiveWaiver[] {
    const known = this.byRule.get(rule);
    if (known) return known;
    const active: ActiveWaiver[] = [];
    const day = dayOf(this.today());
    const list = Array.isArray(config.waivers) ? config.waivers : config.waivers === undefined ? [] : [config.waivers];
    list.forEach((raw, i) => {
      const parsed = packWaiverSchema.safeParse(raw);
      const where = describeWaiver(i, { rule, resource: parsed.success ? parsed.data.resource : String((raw as { resource?: unknown })?.resource ?? "") });
      if (!parsed.success) {
        this.problem(invalidWaiverFinding(where, ["is not an object of resource, reason, approver and expires"]), where);
        return;
      }
      const verdict = judgeWaiver({ rule, ...parsed.data }, day);
      if (verdict.status === "invalid") this.problem(invalidWaiverFinding(where, verdict.problems), where);
      else if (verdict.status === "expired") this.problem(expiredWaiverFinding(where, verdict.waiver), where);
      else active.push({ where, waiver: verdict.waiver, used: false });
    });
    this.byRule.set(rule, active);
    return active;
  }

  private problem(finding: { ruleId: string; message: string }, where: string): void {
    this.problems.set(where, { ruleId: finding.ruleId, message: finding.message });
  }

  /** Messages of the recorded problems with the given rule ID, sorted. */
  problemsOf(ruleId: string): string[] {
    return [...this.problems.values()].filter((p) => p.ruleId === ruleId).map((p) => p.message).sort();
  }

  /** Messages for the active waivers that matched no violation, sorted. */
  unmatched(): string[] {
    return [...this.byRule.values()]
      .flat()
      .filter((a) => !a.used)
      .map((a) => unmatchedWaiverFinding(a.where).message)
      .sort();
  }
}

function withWaiversSchema(schema: PolicyConfigSchema | undefined): PolicyConfigSchema {
  return {
    ...(schema ?? {}),
    properties: { ...(schema?.properties ?? {}), waivers: WAIVERS_CONFIG_PROPERTY as never },
  };
}

/** A `reportViolation` that reports waived violations at advisory level, marked. */
function waivingReporter(
  policy: PhiguardPolicy,
  report: ReportViolation,
  active: readonly ActiveWaiver[],
  defaultUrn: string | undefined,
): ReportViolation {
  return ((message: unknown, urn?: string) => {
    const target = urn ?? defaultUrn;
    if (typeof message === "string" || message === undefined) {
      const match = target ? active.find((a) => selectorMatches(a.waiver.resource, { urn: target })) : undefined;
      if (match) {
        match.used = true;
        const w = match.waiver;
        (report as unknown as (info: object) => void)({
          message: `[waived until ${w.expires}, approved by ${w.approver}: ${w.reason}] ${policy.description}${message ? `\n${message}` : ""}`,
          ...(target ? { urn: target } : {}),
          enforcementLevel: "advisory",
        });
        return;
      }
    }
    (report as unknown as (m: unknown, u?: string) => void)(message, urn);
  }) as ReportViolation;
}

function framework(policy: PhiguardPolicy) {
  return {
    name: "HIPAA Security Rule",
    version: "45 CFR Part 164 Subpart C",
    reference: policy.hipaa.join(", "),
    specification: policy.hipaa.map((p) => `${p} ${hipaaParagraph(p)?.title ?? ""}`.trim()).join("; "),
  };
}

/** The CrossGuard form of one rule: its CrossGuard fields only, with waivers applied. */
function crossGuardPolicy(policy: PhiguardPolicy, registry: WaiverRegistry): ResourceValidationPolicy | StackValidationPolicy {
  const base = {
    name: policy.name,
    description: policy.description,
    ...(policy.enforcementLevel ? { enforcementLevel: policy.enforcementLevel } : {}),
    ...(policy.severity ? { severity: policy.severity } : {}),
    configSchema: withWaiversSchema(policy.configSchema),
    remediationSteps: policy.remediation,
    framework: framework(policy),
    tags: ["hipaa"],
  };
  if (isStackRule(policy)) {
    return {
      ...base,
      validateStack: (args, report) => {
        const active = registry.activeFor(policy.name, args.getConfig<{ waivers?: unknown }>());
        return policy.validateStack(args, waivingReporter(policy, report, active, undefined));
      },
    };
  }
  if (!isResourceRule(policy) || !policy.validateResource) throw new Error(`rule '${policy.name}' has no validateResource`);
  const validations: readonly ResourceValidation[] = Array.isArray(policy.validateResource)
    ? policy.validateResource
    : [policy.validateResource];
  return {
    ...base,
    validateResource: validations.map(
      (validate): ResourceValidation =>
        (args, report) => {
          const active = registry.activeFor(policy.name, args.getConfig<{ waivers?: unknown }>());
          return validate(args, waivingReporter(policy, report, active, args.urn));
        },
    ),
  };
}

/** The stack policies that report waivers themselves. They must run after every rule. */
function waiverPolicies(registry: WaiverRegistry): StackValidationPolicy[] {
  const reporting = (messages: () => string[]) => (_args: unknown, report: ReportViolation) => {
    for (const message of messages()) report(message);
  };
  return [
    {
      name: WAIVER_EXPIRED_RULE_ID,
      description: "A waiver in the policy pack config is past its expiry date; it waives nothing.",
      enforcementLevel: "mandatory",
      remediationSteps: "Fix the findings it covered, or renew the waiver with a new approval and expiry date.",
      validateStack: reporting(() => registry.problemsOf(WAIVER_EXPIRED_RULE_ID)),
    },
    {
      name: WAIVER_INVALID_RULE_ID,
      description: "A waiver in the policy pack config lacks a real reason, an approver or a valid expiry date; it waives nothing.",
      enforcementLevel: "mandatory",
      remediationSteps: "Give the waiver a reason (at least 20 characters), the approver's name and an expiry date (YYYY-MM-DD).",
      validateStack: reporting(() => registry.problemsOf(WAIVER_INVALID_RULE_ID)),
    },
    {
      name: WAIVER_UNMATCHED_RULE_ID,
      description: "A waiver in the policy pack config matched no violation.",
      enforcementLevel: "advisory",
      remediationSteps: "Remove the waiver, or correct its resource selector.",
      validateStack: reporting(() => registry.unmatched()),
    },
  ];
}

export interface CrossGuardOptions {
  /** The date waivers are judged on. @default the current date */
  readonly today?: () => Date | string;
}

/** The rules as CrossGuard policies (waivers applied), followed by the waiver-reporting policies. */
export function crossGuardPolicies(policies: readonly PhiguardPolicy[], options: CrossGuardOptions = {}): Policies {
  const registry = new WaiverRegistry(options.today);
  return [...policies.map((p) => crossGuardPolicy(p, registry)), ...waiverPolicies(registry)];
}

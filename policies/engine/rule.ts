/**
 * A phiguard rule: an ordinary `@pulumi/policy` policy object (so the same array can be handed to
 * `new PolicyPack(...)`) carrying phiguard's own metadata next to the fields CrossGuard knows.
 */
import type { EnforcementLevel, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { PhiguardError } from "../../cli/errors";

/** Equivalent checks in other tools, for cross-reference in reports. */
export interface RuleControls {
  readonly awsConfig?: readonly string[];
  readonly cdkNag?: readonly string[];
  readonly checkov?: readonly string[];
  readonly cis?: readonly string[];
}

export interface PhiguardMetadata {
  /** HIPAA Security Rule paragraphs, e.g. `164.312(a)(2)(iv)`. At least one. */
  readonly hipaa: readonly string[];
  /** What to change to comply, for people. */
  readonly remediation: string;
  /**
   * Pulumi type tokens the rule applies to. The offline engine calls a resource rule only on
   * resources of these types (no `notApplicable` entry is recorded for the others), so a rule that
   * sets it must pass silently on every other type. @default every type
   */
  readonly resourceTypes?: readonly string[];
  readonly controls?: RuleControls;
}

export type PhiguardResourcePolicy = ResourceValidationPolicy & PhiguardMetadata;
export type PhiguardStackPolicy = StackValidationPolicy & PhiguardMetadata;
export type PhiguardPolicy = PhiguardResourcePolicy | PhiguardStackPolicy;

export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** Same test as `@pulumi/policy`'s `isResourcePolicy`. */
export function isResourceRule(policy: PhiguardPolicy): policy is PhiguardResourcePolicy {
  const validation = (policy as ResourceValidationPolicy).validateResource;
  if (typeof validation === "function") return true;
  if (Array.isArray(validation)) return validation.every((v) => typeof v === "function");
  return typeof (policy as ResourceValidationPolicy).remediateResource === "function";
}

/** Same test as `@pulumi/policy`'s `isStackPolicy`. */
export function isStackRule(policy: PhiguardPolicy): policy is PhiguardStackPolicy {
  return typeof (policy as StackValidationPolicy).validateStack === "function";
}

/** Same as `@pulumi/policy`'s `getPulumiType`: the type token `validateResourceOfType` attaches. */
export function pulumiTypeOf(obj: unknown): string | undefined {
  const t = (obj as { __pulumiType?: unknown } | null | undefined)?.__pulumiType;
  return typeof t === "string" && t.length > 0 ? t : undefined;
}

/** Reads and checks a rule's phiguard metadata; throws a `PhiguardError` naming the rule if malformed. */
export function ruleMetadata(policy: PhiguardPolicy): PhiguardMetadata {
  const name = typeof policy.name === "string" && policy.name !== "" ? policy.name : "<unnamed>";
  const bad = (what: string): never => {
    throw new PhiguardError(`rule '${name}': ${what}`);
  };
  if (name === "<unnamed>") bad("has no name; expected a non-empty string");
  if (name === "all") bad(`"all" is a reserved policy name`);
  if (!isResourceRule(policy) && !isStackRule(policy)) {
    bad("has neither validateResource nor validateStack; expected a ResourceValidationPolicy or StackValidationPolicy");
  }
  if (!isStringArray(policy.hipaa) || policy.hipaa.length === 0) {
    bad("hipaa must be a non-empty array of paragraphs such as '164.312(a)(2)(iv)'");
  }
  if (typeof policy.remediation !== "string" || policy.remediation.trim() === "") {
    bad("remediation must be a non-empty string");
  }
  if (policy.resourceTypes !== undefined && !isStringArray(policy.resourceTypes)) {
    bad("resourceTypes must be an array of Pulumi type tokens");
  }
  if (policy.enforcementLevel !== undefined && !ENFORCEMENT_LEVELS.includes(policy.enforcementLevel)) {
    bad(`enforcementLevel '${String(policy.enforcementLevel)}' is not one of ${ENFORCEMENT_LEVELS.join(", ")}`);
  }
  const meta: PhiguardMetadata = { hipaa: policy.hipaa, remediation: policy.remediation };
  return {
    ...meta,
    ...(policy.resourceTypes ? { resourceTypes: policy.resourceTypes } : {}),
    ...(policy.controls ? { controls: policy.controls } : {}),
  };
}

function isStringArray(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

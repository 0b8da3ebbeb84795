/**
 * Small helpers shared by the Kubernetes and EKS rules: reading props without tripping over values
 * that are unknown at preview when the rule only needs to know that a value is *there*, joining
 * resources of a stack through `propertyDependencies`, and running a stack rule over many resources
 * so that one unknown value does not hide the verdicts on all the others.
 */
import type { PolicyResource, ReportViolation, ResourceValidation, ResourceValidationArgs } from "@pulumi/policy";
import type { PhiguardResourcePolicy } from "../../../engine/rule";

/**
 * A resource rule that checks only the types in its `resourceTypes`. phiguard's engine calls it
 * only for those, but a `PolicyPack` under the Pulumi CLI calls every resource rule for every
 * resource, so the rule itself must pass silently on the others.
 */
export function resourceRule(
  rule: PhiguardResourcePolicy & { readonly resourceTypes: readonly string[]; readonly validateResource: ResourceValidation },
): PhiguardResourcePolicy {
  const types = new Set(rule.resourceTypes);
  const validate = rule.validateResource;
  return {
    ...rule,
    validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) =>
      types.has(args.type) ? validate(args, reportViolation) : undefined,
  };
}

/** A plain JSON object as a rule sees it. */
export type Json = Record<string, unknown>;

/** `value` as an object, or undefined for anything else (arrays included). */
export function asObject(value: unknown): Json | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined;
}

/** `value` as an array, or `[]`. */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `value` as an array of strings (non-strings dropped), or `[]`. */
export function asStrings(value: unknown): string[] {
  return asArray(value).filter((v): v is string => typeof v === "string");
}

/**
 * True when `obj[key]` holds a value, known or not. Reads the property's descriptor, which the
 * unknown-checking proxy of `@pulumi/policy` (and phiguard's) does not intercept, so an output of
 * another resource (e.g. `keyArn: key.arn`) counts as set without making the rule unverifiable.
 */
export function hasValue(obj: unknown, key: string): boolean {
  if (obj === null || typeof obj !== "object") return false;
  const raw: unknown = Object.getOwnPropertyDescriptor(obj, key)?.value;
  return raw !== undefined && raw !== null && raw !== "";
}

/**
 * The raw value of `obj[key]` without the unknown check: a value unknown at preview comes back as
 * the runtime's unknown sentinel (a string no real value equals) instead of throwing. For tests of a
 * literal such as "is it an `igw-` id" that must not make a whole stack rule unverifiable.
 */
export function peek(obj: unknown, key: string): unknown {
  if (obj === null || typeof obj !== "object") return undefined;
  return Object.getOwnPropertyDescriptor(obj, key)?.value;
}

/**
 * For message text only: the value `read` returns as a string, or undefined when it is not a
 * string or number or cannot be read (unknown at preview). A verdict must never depend on it, so a
 * name shown in a message cannot make a rule unverifiable.
 */
export function textOf(read: () => unknown): string | undefined {
  try {
    const value = read();
    return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Holds back an error thrown while checking one resource of a stack rule (typically a value unknown
 * at preview) so the rule can go on with the others; `rethrow()` at the end throws the first one,
 * and the engine records it (as "cannot be verified until deploy" for an unknown value). A stack
 * rule therefore still reports every violation it can see.
 */
export class DeferredErrors {
  private first: { error: unknown } | undefined;

  /** Runs `fn`; returns false (and keeps the error) when it threw. */
  attempt(fn: () => void): boolean {
    try {
      fn();
      return true;
    } catch (error) {
      this.first ??= { error };
      return false;
    }
  }

  /** Throws the first held error, if any. */
  rethrow(): void {
    if (this.first) throw this.first.error;
  }
}

/** The resources of `type` that `resource`'s input `property` was computed from. */
export function sourcesOf(resource: PolicyResource, property: string, type: string): PolicyResource[] {
  return (resource.propertyDependencies[property] ?? []).filter((r) => r.type === type);
}

/** True when `resource`'s input `property` was computed from `source`. */
export function dependsThrough(resource: PolicyResource, property: string, source: PolicyResource): boolean {
  return (resource.propertyDependencies[property] ?? []).some((r) => r.urn === source.urn);
}

/** True when `resource`'s input `property` is a literal: no other resource's output went into it. */
export function isLiteral(resource: PolicyResource, property: string): boolean {
  return (resource.propertyDependencies[property] ?? []).length === 0;
}

/** `"a", "b" and "c"`. */
export function listing(items: readonly string[]): string {
  const quoted = items.map((i) => `"${i}"`);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

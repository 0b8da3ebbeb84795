/**
 * A rule's effective configuration (enforcement level and `getConfig()` values), reconciled the way
 * the Pulumi CLI does before its `configure` call: schema defaults, then "all", then per-policy
 * values; and read the way `@pulumi/policy`'s server reads it.
 */
import type { EnforcementLevel } from "@pulumi/policy";
import { PhiguardError } from "../../cli/errors";
import { ENFORCEMENT_LEVELS, type PhiguardPolicy } from "./rule";

export interface RuleConfigOptions {
  /** Per-rule enforcement override; the key `all` applies to every rule. */
  readonly enforcement?: Readonly<Record<string, EnforcementLevel>>;
  /** Per-rule config as in `pulumi preview --policy-pack-config`; may carry `enforcementLevel`. */
  readonly policyConfig?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** @default "advisory", as `new PolicyPack(...)` defaults it */
  readonly packEnforcementLevel?: EnforcementLevel;
}

/** Rejects overrides that name no rule or give an unknown level: a typo must not pass silently. */
export function checkRuleConfig(
  policies: readonly PhiguardPolicy[],
  options: RuleConfigOptions,
  builtInRuleIds: readonly string[] = [],
): void {
  const names = new Set([...policies.map((p) => p.name), ...builtInRuleIds]);
  const check = (where: string, key: string, level: unknown) => {
    if (key !== "all" && !names.has(key)) {
      throw new PhiguardError(`${where} names rule '${key}', which is not in the rule set; expected one of the loaded rule names or "all"`);
    }
    if (level !== undefined && !ENFORCEMENT_LEVELS.includes(level as EnforcementLevel)) {
      throw new PhiguardError(`${where} for rule '${key}' gives enforcement level '${String(level)}'; expected one of ${ENFORCEMENT_LEVELS.join(", ")}`);
    }
  };
  for (const [key, level] of Object.entries(options.enforcement ?? {})) check("enforcement", key, level);
  for (const [key, config] of Object.entries(options.policyConfig ?? {})) check("policyConfig", key, config.enforcementLevel);
  if (options.packEnforcementLevel !== undefined) check("packEnforcementLevel", "all", options.packEnforcementLevel);
}

/** Override > policyConfig level > "all" > the rule's own > the pack's > advisory. "remediate" is kept. */
export function enforcementOf(policy: PhiguardPolicy, options: RuleConfigOptions): EnforcementLevel {
  const levelIn = (key: string) =>
    options.enforcement?.[key] ?? (options.policyConfig?.[key]?.enforcementLevel as EnforcementLevel | undefined);
  return levelIn(policy.name) || levelIn("all") || policy.enforcementLevel || options.packEnforcementLevel || "advisory";
}

/** `args.getConfig()`: schema defaults overlaid with the given config, without `enforcementLevel`. */
export function makeGetConfig(policy: PhiguardPolicy, options: RuleConfigOptions): <T extends object>() => T {
  const properties: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
    if (schema && typeof schema === "object" && "default" in schema) properties[key] = schema.default;
  }
  for (const [key, value] of Object.entries(options.policyConfig?.[policy.name] ?? {})) {
    if (key !== "enforcementLevel") properties[key] = value;
  }
  const normalized = asStruct(properties) as Record<string, unknown>;
  return <T extends object>() => ({ ...normalized }) as T;
}

/** The value as it comes out of a protobuf Struct: JSON data, object keys sorted. */
function asStruct(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(asStruct);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = asStruct(v);
  }
  return out;
}

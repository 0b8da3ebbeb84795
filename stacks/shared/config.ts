/**
 * Typed, validated stack config for the reference stacks.
 *
 * Every key is declared once with a zod schema and the expected form in words. A missing or
 * invalid value fails the program before any resource is declared, with one line that names the
 * key, says what was expected and what was given, e.g.
 *
 *   phiguard:regions: expected a list of 2 AWS regions like ["us-east-1","us-west-2"]; got ["us-east-1"]
 *
 * Values come from `Pulumi.<stack>.yaml` (YAML lists and maps arrive as JSON text) or from
 * `pulumi config set` (plain strings, or JSON text for lists and maps); both forms are accepted.
 */
import * as pulumi from "@pulumi/pulumi";
import * as ipaddr from "ipaddr.js";
import { z } from "zod";
import { KNOWN_REGIONS, partitionOf } from "../../components";

/** The config namespace of every phiguard setting (the root Pulumi project is named `phiguard`). */
export const NAMESPACE = "phiguard";

/** One config key: its schema (with `.default()` when optional) and the expected form, in words. */
export interface ConfigKey<T> {
  readonly schema: z.ZodType<T>;
  /** Completes "expected …", e.g. `a list of 2 AWS regions like ["us-east-1","us-west-2"]`. */
  readonly expected: string;
  /** A secret (set with `pulumi config set --secret`): an invalid value is never echoed. */
  readonly secret?: boolean;
}

/** Declares a config key. */
export function setting<T>(schema: z.ZodType<T>, expected: string, options: { secret?: boolean } = {}): ConfigKey<T> {
  return { schema, expected, ...(options.secret ? { secret: true } : {}) };
}

export type ConfigValues<K extends Record<string, ConfigKey<unknown>>> = {
  readonly [P in keyof K]: K[P] extends ConfigKey<infer T> ? T : never;
};

/** A config value that is missing or does not have the expected form. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/**
 * Reads and validates every key of `keys` from the `phiguard` namespace. Throws a `ConfigError`
 * naming the first key (in declaration order) that is missing or invalid.
 */
export function readConfig<K extends Record<string, ConfigKey<unknown>>>(keys: K, config = new pulumi.Config(NAMESPACE)): ConfigValues<K> {
  const values: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(keys)) {
    values[name] = parseValue(`${NAMESPACE}:${name}`, key, config.get(name));
  }
  return values as ConfigValues<K>;
}

/** Parses one raw config string: as given, else as JSON (lists, maps, numbers, booleans). */
export function parseValue<T>(fullKey: string, key: ConfigKey<T>, raw: string | undefined): T {
  const given = raw === undefined || raw === "" ? undefined : raw;
  const direct = key.schema.safeParse(given);
  if (direct.success) return direct.data;
  let detail = direct.error.issues[0];
  if (given !== undefined) {
    let json: unknown;
    let isJson = true;
    try {
      json = JSON.parse(given);
    } catch {
      isJson = false;
    }
    if (isJson) {
      const parsed = key.schema.safeParse(json);
      if (parsed.success) return parsed.data;
      detail = parsed.error.issues[0] ?? detail;
    }
  }
  const why = detail && detail.message && !/^Invalid input/.test(detail.message) && detail.code === "custom" ? ` (${detail.message})` : "";
  throw new ConfigError(
    given === undefined
      ? `${fullKey}: not set; expected ${key.expected} (pulumi config set ${fullKey} ...)`
      : `${fullKey}: expected ${key.expected}; got ${key.secret ? "a secret value that does not match (not shown)" : given}${key.secret ? "" : why}`,
  );
}

// ---- Reusable schemas ------------------------------------------------------------------------

const KNOWN = new Set(KNOWN_REGIONS);

/** An AWS region name the installed @pulumi/aws knows. */
export const region = z.string().refine((r) => KNOWN.has(r), { message: "not a known AWS region" });

/** Exactly two distinct regions of one partition: [primary, secondary]. */
export const twoRegions = z
  .array(region)
  .length(2)
  .refine((r) => r.length !== 2 || (r[0] !== r[1] && partitionOf(r[0]!) === partitionOf(r[1]!)), {
    message: "two different regions of one partition",
  })
  .transform((r) => [r[0]!, r[1]!] as const);

export const REGIONS_EXPECTED = 'a list of 2 AWS regions like ["us-east-1","us-west-2"] (primary first)';

/** A non-empty name: letters, digits, `-`, `_`, `.` (team names, environment names). */
export const label = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/);

/** An IPv4 CIDR block with a prefix from /8 to /16 (a network's supernet). */
export const supernet = z
  .string()
  .regex(/^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/([89]|1[0-6])$/)
  .refine((cidr) => ipaddr.IPv4.networkAddressFromCIDR(cidr).toString() === cidr.split("/")[0], { message: "host bits are set" });
export const SUPERNET_EXPECTED = 'an IPv4 network address from /8 to /16 like "10.32.0.0/12" (no host bits; each region gets a /16 of it)';

/** A whole number within [min, max]. */
export function wholeNumber(min: number, max: number): z.ZodNumber {
  return z.number().int().min(min).max(max);
}

/** An IAM role ARN. */
export const roleArn = z.string().regex(/^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[A-Za-z0-9+=,.@_/-]{1,512}$/);

/** The keys every reference stack reads: who owns it, where it runs, and the test hook. */
export function commonKeys() {
  return {
    owner: setting(label, 'the accountable team, like "clinical-platform" (letters, digits, ".", "_", "-")'),
    environment: setting(label.optional(), 'an environment name like "prod" or "staging" (default: the stack name)'),
    regions: setting(twoRegions, REGIONS_EXPECTED),
    testMisconfigure: setting(z.enum(CONTROL_FAMILIES).optional(), `one of ${CONTROL_FAMILIES.join(", ")} (test-only: plants one deliberate misconfiguration; never set it on a deployed stack)`),
  };
}

// ---- The test hook ------------------------------------------------------------------------------

/**
 * Control families the HIPAA pack guards. `phiguard:testMisconfigure: <family>` makes a stack plant
 * one deliberate misconfiguration of that family (each stack documents which), so its tests can
 * prove the gate catches it. Unset (the default and the only valid state of a real stack), it
 * changes nothing.
 */
export const CONTROL_FAMILIES = ["encryption", "logging", "network", "backup", "transport"] as const;
export type ControlFamily = (typeof CONTROL_FAMILIES)[number];

/** `{ encryption: false, logging: true, ... }`: which family is misconfigured (at most one). */
export type Misconfigured = Readonly<Record<ControlFamily, boolean>>;

export function misconfigured(family: ControlFamily | undefined): Misconfigured {
  if (family !== undefined) {
    pulumi.log.warn(`phiguard:testMisconfigure is "${family}": this stack deliberately breaks one ${family} control (a test variant); unset it before deploying.`);
  }
  return Object.fromEntries(CONTROL_FAMILIES.map((f) => [f, f === family])) as Record<ControlFamily, boolean>;
}

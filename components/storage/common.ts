/**
 * Helpers shared by the storage, audit and backup components: argument checks that say what was
 * given and what is expected, the key-region checks, deterministic physical names, per-region
 * resource options and IAM policy statement shapes.
 */
import { createHash } from "node:crypto";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { EnvelopeKey } from "../keys";
import { InvalidArgumentError, partitionOf, type Partition } from "../network/regions";

export { InvalidArgumentError };

/** Explicit providers per region (every child still sets its own `region` argument). */
export type RegionProviders = Readonly<Record<string, pulumi.ProviderResource>>;

/** An IAM policy statement (bucket, queue, role and trust policies). */
export interface IamStatement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal?: "*" | { readonly AWS?: string | readonly string[]; readonly Service?: string | readonly string[] };
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

export interface IamPolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly IamStatement[];
}

/** `<Component> "<name>"`, the prefix of every error message. */
export function describe(type: string, name: string): string {
  return `${type.split(":").pop()} "${name}"`;
}

/** The stack's `aws:region`, or undefined. */
export function stackRegion(): string | undefined {
  const region = new pulumi.Config("aws").get("region");
  return region === undefined || region === "" ? undefined : region;
}

/**
 * Checks that `region` is one of the key's regions (the store spans it, so the key must exist there).
 * `field` names the argument the region came from.
 */
export function requireKeyRegion(where: string, key: EnvelopeKey, region: string, field: string): void {
  if (!key.regions.includes(region)) {
    throw new InvalidArgumentError(
      `${where}: ${field} "${region}" has no key: the EnvelopeKey spans [${key.regions.join(", ")}]; expected one of those regions, or add "${region}" to the EnvelopeKey's regions so a replica key exists there.`,
    );
  }
}

/** The home region of a store: `region`, else the key's primary region. Checked against the key. */
export function homeRegion(where: string, key: EnvelopeKey, region: string | undefined): string {
  const chosen = region ?? key.primaryRegion;
  requireKeyRegion(where, key, chosen, region === undefined ? "region (the key's primary region)" : "region");
  return chosen;
}

/**
 * The second region of a multi-region store: `given`, else the first key region other than `home`.
 * Throws, naming the opt-out, when there is none.
 */
export function secondRegion(
  where: string,
  key: EnvelopeKey,
  home: string,
  given: string | undefined,
  field: string,
  optOut: string,
): string {
  if (given !== undefined) {
    if (given === home) {
      throw new InvalidArgumentError(`${where}: ${field} "${given}" is the store's own region; expected another region of the EnvelopeKey [${key.regions.join(", ")}].`);
    }
    requireKeyRegion(where, key, given, field);
    return given;
  }
  const other = key.regions.find((r) => r !== home);
  if (other === undefined) {
    throw new InvalidArgumentError(
      `${where}: ${field} needs a second region but the EnvelopeKey spans only [${key.regions.join(", ")}]; expected an EnvelopeKey with a replica region (e.g. regions: ["${home}", "us-west-2"]) or \`${optOut}: true\` to opt out explicitly.`,
    );
  }
  return other;
}

/** Checks a whole number within [min, max]; `unit` and `why` go into the message. */
export function checkInteger(where: string, field: string, value: number, min: number, max: number, unit: string, why = ""): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidArgumentError(
      `${where}: ${field} ${String(value)} is out of range; expected a whole number of ${unit} from ${min} to ${max}${why ? ` (${why})` : ""}.`,
    );
  }
}

/** Checks `value` is one of `allowed`. */
export function checkOneOf<T extends string>(where: string, field: string, value: string, allowed: readonly T[]): asserts value is T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`${where}: ${field} "${value}" is not allowed; expected one of ${allowed.join(", ")}.`);
  }
}

/** Checks every region of `providers` is one the component uses. */
export function checkProviders(where: string, providers: RegionProviders | undefined, regions: readonly string[]): void {
  for (const region of Object.keys(providers ?? {})) {
    if (!regions.includes(region)) {
      throw new InvalidArgumentError(`${where}: providers names region "${region}", which the component does not use; expected only [${regions.join(", ")}].`);
    }
  }
}

/** Options of a child in `region`: parent, the region's explicit provider when given, plus `extra`. */
export function childOptions(
  parent: pulumi.Resource,
  providers: RegionProviders | undefined,
  region: string | undefined,
  extra: pulumi.CustomResourceOptions = {},
): pulumi.CustomResourceOptions {
  const provider = region === undefined ? undefined : providers?.[region];
  return provider ? { ...extra, parent, provider } : { ...extra, parent };
}

/** The deploying account (an invoke: known at preview). */
export function accountIdOf(parent: pulumi.Resource, providers: RegionProviders | undefined, region: string): pulumi.Output<string> {
  const provider = providers?.[region];
  return aws.getCallerIdentityOutput({}, provider ? { parent, provider } : { parent }).accountId;
}

export function partitionFor(region: string): Partition {
  return partitionOf(region);
}

/** `<project>-<stack>-<name>`, the base of every default physical name. */
export function stackScopedBase(name: string): string {
  return `${pulumi.getProject()}-${pulumi.getStack()}-${name}`;
}

/**
 * A physical name of at most `max` characters made of `base` (cleaned with `clean`) and `suffix`;
 * when too long, `base` is cut and an 8-character hash of the full name keeps it unique.
 */
export function shortName(base: string, suffix: string, max: number, clean: (text: string) => string): string {
  const full = clean(base) + suffix;
  if (full.length <= max) return full;
  const hash = createHash("sha256").update(full).digest("hex").slice(0, 8);
  const room = max - suffix.length - hash.length - 1;
  return `${clean(base).slice(0, Math.max(room, 1)).replace(/[-.]+$/, "")}-${hash}${suffix}`;
}

/** Lower-case letters, digits and single hyphens (S3 bucket names, Aurora identifiers). */
export function dnsLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The standard deny of any request not sent over TLS. */
export function denyInsecureTransport(action: string, resource: string | readonly string[]): IamStatement {
  return {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: action,
    Resource: resource,
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
}

/**
 * A trust policy letting an AWS service assume a role; with `accountId`, only on behalf of this
 * account (`aws:SourceAccount`, confused-deputy protection, for services that send it).
 */
export function serviceTrustPolicy(service: string, accountId?: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AssumedByService",
        Effect: "Allow",
        Principal: { Service: service },
        Action: "sts:AssumeRole",
        ...(accountId !== undefined ? { Condition: { StringEquals: { "aws:SourceAccount": accountId } } } : {}),
      },
    ],
  });
}

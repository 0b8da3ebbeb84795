/**
 * AWS region names and partitions, and the argument error every phiguard component throws.
 *
 * The list of real region names is `@pulumi/aws`'s own `Region` enum (kept up to date with the
 * provider), minus the isolated (ISO) partitions, which phiguard does not support.
 */
import * as aws from "@pulumi/aws";

/** An invalid component argument: the message says what was given and what was expected. */
export class InvalidArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidArgumentError";
  }
}

export type Partition = "aws" | "aws-us-gov" | "aws-cn";

const ISO = /^(us-iso[a-z]*|eu-isoe)-/;

/** Every region phiguard accepts, sorted. */
export const KNOWN_REGIONS: readonly string[] = Object.freeze(
  [...new Set(Object.values(aws.Region as Record<string, string>))].filter((r) => !ISO.test(r)).sort(),
);

const KNOWN = new Set(KNOWN_REGIONS);

export function partitionOf(region: string): Partition {
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("cn-")) return "aws-cn";
  return "aws";
}

/** The DNS suffix of service endpoints and regional service principals in a region. */
export function dnsSuffixOf(region: string): string {
  return partitionOf(region) === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}

/**
 * Checks a list of regions: real AWS region names, no duplicates, one partition, at least one.
 * `where` names the component and argument, e.g. `EnvelopeKey "phi": regions`.
 */
export function validateRegions(where: string, regions: readonly string[]): void {
  if (regions.length === 0) {
    throw new InvalidArgumentError(`${where}: no regions given; expected at least one AWS region name such as "us-east-1".`);
  }
  for (const region of regions) {
    if (!KNOWN.has(region)) {
      const hint = ISO.test(region)
        ? "ISO partitions are not supported"
        : `expected a real AWS region name such as "us-east-1" or "eu-west-1" (known: ${KNOWN_REGIONS.join(", ")}); if this region launched after the installed @pulumi/aws was released, upgrade @pulumi/aws`;
      throw new InvalidArgumentError(`${where}: unknown AWS region "${region}"; ${hint}.`);
    }
  }
  const seen = new Set<string>();
  for (const region of regions) {
    if (seen.has(region)) {
      throw new InvalidArgumentError(`${where}: region "${region}" is listed twice in [${regions.join(", ")}]; expected each region once.`);
    }
    seen.add(region);
  }
  const partitions = new Set(regions.map(partitionOf));
  if (partitions.size > 1) {
    throw new InvalidArgumentError(
      `${where}: regions [${regions.join(", ")}] span the partitions ${[...partitions].join(", ")}; expected regions of one partition (multi-region keys and VPC peering cannot cross partitions).`,
    );
  }
}

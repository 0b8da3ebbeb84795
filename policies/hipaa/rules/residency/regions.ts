/**
 * What the data-residency rules share: which resources hold PHI, where a resource lands, and the
 * allowed regions the pack is configured with.
 *
 * **Allowed regions.** Each residency rule reads `allowedRegions` from its policy config
 * (`pulumi preview --policy-pack-config`, or `policyConfig` in `phiguard.yaml`). Default: the four
 * commercial US regions (`us-east-1`, `us-east-2`, `us-west-1`, `us-west-2`), where a US covered
 * entity's business associate agreement with AWS and its own policies usually place PHI. Configure
 * both rules with the same list.
 *
 * **Where a resource lands.** Its own `region` argument (`@pulumi/aws` v7), else its provider's
 * `region`. `pulumi preview` hands every resource its provider, the default provider included
 * (whose `region` is the stack's `aws:region`); a plan without the default provider (phiguard's
 * offline plans) leaves resources that name neither unplaced. For those the rules use
 * `defaultRegion` from their config when it is set, and otherwise say at advisory level that the
 * region cannot be told, instead of passing what they cannot see.
 *
 * **PHI.** A resource tagged `data-classification: phi`; or, when it carries no classification
 * tag, a resource inside a phiguard PHI component (`PhiBucket`, `PhiTable`, `PhiDatabase`,
 * `PhiQueue`). An explicit other classification (e.g. a PhiBucket's `confidential` access-log
 * bucket) is not PHI.
 */
import type { PolicyConfigSchema, PolicyResource } from "@pulumi/policy";
import { CLASSIFICATION_TAG, hasValue, peekString, PHI, type Props } from "../aws/lib/props";

/** The commercial US regions: the default allow-list. */
export const DEFAULT_ALLOWED_REGIONS: readonly string[] = ["us-east-1", "us-east-2", "us-west-1", "us-west-2"];

/** phiguard components whose children hold PHI unless tagged otherwise. */
export const PHI_COMPONENT_TYPES: readonly string[] = [
  "phiguard:storage:PhiBucket",
  "phiguard:storage:PhiTable",
  "phiguard:storage:PhiDatabase",
  "phiguard:storage:PhiQueue",
];

/** Resource types of global services (no region of their own), by type-token prefix. */
const GLOBAL_TYPE_PREFIXES: readonly string[] = [
  "aws:iam/",
  "aws:cloudfront/",
  "aws:organizations/",
  "aws:globalaccelerator/",
  "aws:shield/",
  "aws:budgets/",
  "aws:route53/zone:",
  "aws:route53/record:",
  "aws:route53/healthCheck:",
  "aws:route53/delegationSet:",
  "aws:s3/accountPublicAccessBlock:",
];

export interface ResidencyConfig {
  readonly allowedRegions?: readonly string[];
  readonly defaultRegion?: string;
}

export const RESIDENCY_CONFIG_SCHEMA: PolicyConfigSchema = {
  properties: {
    allowedRegions: {
      type: "array",
      items: { type: "string", pattern: "^[a-z]{2}(-[a-z]+)+-\\d+$" },
      minItems: 1,
      uniqueItems: true,
      default: [...DEFAULT_ALLOWED_REGIONS],
      description:
        "AWS regions where PHI may be stored or replicated. Default: us-east-1, us-east-2, us-west-1 and us-west-2. Give both residency rules the same list.",
    },
    defaultRegion: {
      type: "string",
      pattern: "^[a-z]{2}(-[a-z]+)+-\\d+$",
      description:
        "The stack's aws:region, for resources that name no region and no provider, when the plan does not carry the default provider (offline plans). Default: none; such resources are reported at advisory level.",
    },
  },
};

/** The allowed regions and the default region of a rule's config. */
export function residencyConfig(config: ResidencyConfig): { allowed: readonly string[]; defaultRegion?: string } {
  const allowed = config.allowedRegions && config.allowedRegions.length > 0 ? config.allowedRegions : DEFAULT_ALLOWED_REGIONS;
  return config.defaultRegion ? { allowed, defaultRegion: config.defaultRegion } : { allowed };
}

/** True for an AWS resource of a regional service. */
export function isRegionalAwsResource(resource: PolicyResource): boolean {
  return resource.type.startsWith("aws:") && !GLOBAL_TYPE_PREFIXES.some((p) => resource.type.startsWith(p));
}

/** The resource's classification tag, lower-cased; reading a tag unknown at preview throws the engine's "cannot be verified" error. */
function classification(props: Props): string | undefined {
  if (!hasValue(props, "tags")) return undefined;
  const value = (props.tags as Record<string, unknown>)[CLASSIFICATION_TAG];
  return typeof value === "string" ? value.trim().toLowerCase() : undefined;
}

/** The PHI component the resource is inside, if any. */
export function phiComponentOf(resource: PolicyResource): PolicyResource | undefined {
  for (let p = resource.parent; p; p = p.parent) if (PHI_COMPONENT_TYPES.includes(p.type)) return p;
  return undefined;
}

/** Tagged `data-classification: phi`, or untagged inside a PHI component. */
export function holdsPhi(resource: PolicyResource): boolean {
  const tag = classification(resource.props);
  if (tag !== undefined) return tag === PHI;
  return phiComponentOf(resource) !== undefined;
}

/** Not classified as anything but PHI (a missing tag never weakens a check). */
export function mayHoldPhi(resource: PolicyResource): boolean {
  const tag = classification(resource.props);
  return tag === undefined || tag === PHI;
}

/** Where a resource lands, as far as the plan shows it. */
export type Placement =
  | { readonly kind: "known"; readonly region: string }
  /** A region input computed from another resource's outputs; `read()` throws the engine's "cannot be verified" error. */
  | { readonly kind: "unknown"; readonly read: () => void }
  /** No region input, no provider region, no configured default region. */
  | { readonly kind: "none" };

/**
 * Where the resource lands: its `region` input, its provider's `region`, or the configured default
 * region. Never throws: a region unknown at preview is returned as such, to be read only when it
 * matters.
 */
export function placementOf(resource: PolicyResource, defaultRegion: string | undefined): Placement {
  for (const props of [resource.props, resource.provider?.props]) {
    if (!props || !hasValue(props, "region")) continue;
    const region = peekString(props, "region");
    if (region !== undefined) return { kind: "known", region };
    return { kind: "unknown", read: () => void props.region };
  }
  return defaultRegion ? { kind: "known", region: defaultRegion } : { kind: "none" };
}

/** The region of an ARN (`arn:partition:service:region:account:...`), when it names one. */
export function regionOfArn(arn: string): string | undefined {
  const region = arn.split(":")[3];
  return region ? region : undefined;
}

/** `'a', 'b' and 'c'`. */
export function regionList(regions: readonly string[]): string {
  const quoted = regions.map((r) => `'${r}'`);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/** How the resource is named in messages: `aws:s3/bucket:Bucket 'records'`. */
export function describe(resource: PolicyResource): string {
  return `${resource.type} '${resource.name}'`;
}

/** An advisory finding (residency that the plan does not let the rule verify), in the rule's own words. */
export function reportAdvisory(report: unknown, description: string, resource: PolicyResource, message: string): void {
  (report as (info: object) => void)({ message: `${description}\n${message}`, urn: resource.urn, enforcementLevel: "advisory" });
}

/** The advisory finding for a resource whose region the plan does not show. */
export function reportUnplaced(report: unknown, description: string, resource: PolicyResource, what: string): void {
  reportAdvisory(
    report,
    description,
    resource,
    `${what}: the region is not in the plan (no region argument, no provider with a region), so residency cannot be verified. Set region (or an explicit provider) on the resource, or the rule's defaultRegion to the stack's aws:region.`,
  );
}

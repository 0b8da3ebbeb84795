/**
 * What the account-root rules share: which stacks they apply to, the regions an account root must
 * cover, and the joins between account-level resources.
 *
 * **Which stacks.** A stack is an account root when its stack tag `phiguard:account-root` is
 * `"true"` (`pulumi stack tag set phiguard:account-root true`; for `phiguard check`, `stackTags:` in
 * phiguard.yaml). Stack tags are what both CrossGuard and the offline engine hand a stack policy
 * (`args.stackTags`), they belong to the stack rather than to one rule's policy config, and a
 * workload stack cannot inherit the claim by accident. Every other stack gets "not applicable".
 *
 * **Which regions.** The policy config `regions` (per rule) when given; otherwise every region the
 * stack places a resource in, read from each resource's `region` argument or its explicit provider's
 * `region`. A stack whose resources name no region at all (everything on the default provider) must
 * cover the default region once; resources on the default provider in a stack that also names
 * regions are not attributed to any region (set `regions` to be explicit).
 */
import type { PolicyResource, StackValidationArgs } from "@pulumi/policy";
import { peekString } from "../../aws/lib/props";
import { refersTo } from "../../aws/lib/stack";

/** The stack tag that marks an account root, and the value that turns it on. */
export const ACCOUNT_ROOT_TAG = "phiguard:account-root";
export const ACCOUNT_ROOT_VALUE = "true";

/** The region key of resources on the default provider (no explicit region). */
export const DEFAULT_REGION = "(default region)";

/** The `regions` setting every regional account-root rule accepts. */
export const REGIONS_CONFIG = {
  type: "array",
  items: { type: "string" },
  description:
    "AWS regions the account root must cover. Default: every region the stack places a resource in (each resource's `region` argument or its explicit provider's region).",
} as const;

export interface RegionsConfig {
  readonly regions?: readonly string[];
}

/** True when the stack is tagged as an account root. */
export function isAccountRoot(args: Pick<StackValidationArgs, "stackTags">): boolean {
  return args.stackTags.get(ACCOUNT_ROOT_TAG)?.trim().toLowerCase() === ACCOUNT_ROOT_VALUE;
}

/** Declares the rule not applicable unless the stack is an account root. */
export function requireAccountRoot(args: StackValidationArgs): void {
  if (!isAccountRoot(args)) {
    args.notApplicable(`the stack is not an account root (stack tag ${ACCOUNT_ROOT_TAG} is not "${ACCOUNT_ROOT_VALUE}")`);
  }
}

/** The region a resource lands in: its `region` argument, its explicit provider's, else the default region. */
export function regionOf(resource: PolicyResource): string {
  return peekString(resource.props, "region") ?? peekString(resource.provider?.props, "region") ?? DEFAULT_REGION;
}

/** The regions an account root must cover (see the module comment). */
export function accountRegions(args: StackValidationArgs, config: RegionsConfig): string[] {
  if (config.regions && config.regions.length > 0) return [...new Set(config.regions)];
  const explicit = new Set<string>();
  for (const resource of args.resources) {
    if (!resource.type.startsWith("aws:")) continue;
    const region = regionOf(resource);
    if (region !== DEFAULT_REGION) explicit.add(region);
  }
  return explicit.size > 0 ? [...explicit].sort() : [DEFAULT_REGION];
}

/** The resources of `type` in `region`. */
export function inRegion(resources: readonly PolicyResource[], type: string, region: string): PolicyResource[] {
  return resources.filter((r) => r.type === type && regionOf(r) === region);
}

/** True when `child`'s `property` refers to `parent` (by dependency or by the parent's literal `name`/`id` props). */
export function joins(child: PolicyResource, property: string, parent: PolicyResource, parentNameProps: readonly string[] = ["name"]): boolean {
  return refersTo(child, property, parent, parentNameProps);
}

/** `region` for messages. */
export function describeRegion(region: string): string {
  return region === DEFAULT_REGION ? "the default region" : region;
}

/** `'a', 'b' and 'c'` of regions. */
export function regionList(regions: readonly string[]): string {
  const names = regions.map(describeRegion);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

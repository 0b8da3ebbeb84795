/**
 * Joining the resources of a stack, for relational rules. A child resource (an S3 bucket's
 * encryption configuration, a VPC's flow log, ...) belongs to its parent resource when the child's
 * input names it: through `propertyDependencies` (the input was computed from the parent's outputs,
 * e.g. `bucket: bucket.id`), or, when the input is a literal, through the parent's literal name
 * (`bucket: "clinical-notes"` and a bucket created with `bucket: "clinical-notes"`). Never through
 * ids or ARNs a provider would only know after creation.
 */
import type { PolicyResource } from "@pulumi/policy";
import { peekString } from "./props";

/** True when `child`'s input `property` refers to `parent`. */
export function refersTo(
  child: PolicyResource,
  property: string,
  parent: PolicyResource,
  parentNameProps: readonly string[] = [],
): boolean {
  const sources = child.propertyDependencies[property] ?? [];
  if (sources.some((s) => s.urn === parent.urn)) return true;
  if (sources.length > 0) return false;
  const literal = peekString(child.props, property);
  if (literal === undefined) return false;
  return parentNameProps.some((p) => {
    const name = peekString(parent.props, p);
    return name !== undefined && (literal === name || literal.endsWith(`:${name}`) || literal.endsWith(`/${name}`));
  });
}

/** The resources of `childType` whose input `property` refers to `parent`. */
export function childrenOf(
  resources: readonly PolicyResource[],
  parent: PolicyResource,
  childType: string | readonly string[],
  property: string,
  parentNameProps: readonly string[] = [],
): PolicyResource[] {
  const types = typeof childType === "string" ? [childType] : childType;
  return ofType(resources, ...types).filter((r) => refersTo(r, property, parent, parentNameProps));
}

/** The resources of `parentType` that `child`'s input `property` refers to. */
export function parentsOf(
  resources: readonly PolicyResource[],
  child: PolicyResource,
  property: string,
  parentType: string | readonly string[],
  parentNameProps: readonly string[] = [],
): PolicyResource[] {
  const types = typeof parentType === "string" ? [parentType] : parentType;
  return ofType(resources, ...types).filter((r) => refersTo(child, property, r, parentNameProps));
}

/** Positions of each type in a stack rule's resources, indexed once per array (rules never change it). */
const positionsByType = new WeakMap<readonly PolicyResource[], Map<string, number[]>>();

/** The resources of the given types, in stack order. */
export function ofType(resources: readonly PolicyResource[], ...types: string[]): PolicyResource[] {
  let index = positionsByType.get(resources);
  if (!index) {
    index = new Map();
    resources.forEach((r, i) => {
      const list = index?.get(r.type);
      if (list) list.push(i);
      else index?.set(r.type, [i]);
    });
    positionsByType.set(resources, index);
  }
  const positions = [...new Set(types)].flatMap((t) => index.get(t) ?? []);
  if (types.length > 1) positions.sort((a, b) => a - b);
  return positions.map((i) => resources[i] as PolicyResource);
}

/**
 * Calls `check` on every item; an error thrown for one item (typically a value unknown at preview)
 * is held back until every other item was checked, then the first one is rethrown. A stack rule so
 * still reports every violation it can see, and the engine still records what it could not verify.
 */
export function forEachDeferred<T>(items: Iterable<T>, check: (item: T) => void): void {
  let deferred: { error: unknown } | undefined;
  for (const item of items) {
    try {
      check(item);
    } catch (error) {
      deferred ??= { error };
    }
  }
  if (deferred) throw deferred.error;
}

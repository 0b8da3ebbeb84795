/**
 * `args.resources` of a stack rule: every plan resource as a `PolicyResource`, parents and
 * dependencies linked to objects. They are built afresh for each stack rule, as `@pulumi/policy`'s
 * server builds them (`makeAnalyzeStackRpcFun`), so what one rule does to them cannot reach the next.
 *
 * A large plan's stack rules build millions of them while reading the props and links of a few
 * types only. So each resource is a Proxy over a plain object holding `type`, `urn`, `name` and
 * `parent`. The rest (`props`, `opts`, `dependencies`, `propertyDependencies`, `isType`, `asType`,
 * `provider`) is computed when a rule first touches it, then kept on the object:
 * - reading it computes it;
 * - asking for its descriptor or for the object's keys does too;
 * - writing or deleting replaces it.
 * The keys come in the server's order. The plan's values are checked once, up front, so a
 * malformed plan still fails before any rule runs.
 */
import type { PolicyResource } from "@pulumi/policy";
import type { PlannedResource } from "../../cli/plan";
import { isTypeOf, type PlanIndex, policyProps, providerResource, resourceOptions, type ResourceClass } from "./args";

export function stackResources(index: PlanIndex): PolicyResource[] {
  index.assertConvertible();
  const resources = index.plan.resources;
  const set: StackSet = { index, built: [] };
  const targets: Target[] = [];
  for (const r of resources) {
    const target: Target = { type: r.type, urn: r.urn, name: r.name };
    const proxy = new Proxy(target, HANDLER) as unknown as PolicyResource;
    target[SOURCE] = { resource: r, set, proxy, pending: r.provider ? ALL_LAZY : ALL_LAZY & ~bit("provider") };
    targets.push(target);
    set.built.push(proxy);
  }
  resources.forEach((r, i) => {
    const parent = r.parent ? set.built[index.position(r.parent)] : undefined;
    if (parent) (targets[i] as Target).parent = parent;
  });
  return set.built;
}

type Target = Record<PropertyKey, unknown>;

/** The resources built for one stack rule. */
interface StackSet {
  readonly index: PlanIndex;
  readonly built: PolicyResource[];
}

/** What a resource is built from, and which of its lazy fields are still to compute (a bit each). */
interface Source {
  readonly resource: PlannedResource;
  readonly set: StackSet;
  readonly proxy: PolicyResource;
  pending: number;
}

/** Where the target keeps its source; no trap lets a rule see it. */
const SOURCE = Symbol("phiguard.stackResourceSource");

/** The server's key order. */
const KEY_ORDER = ["type", "props", "urn", "name", "opts", "dependencies", "propertyDependencies", "isType", "asType", "provider", "parent"];

const COMPUTE: Record<string, (source: Source) => unknown> = {
  props: ({ resource }) => policyProps(resource, "props"),
  opts: ({ resource }) => resourceOptions(resource),
  dependencies: ({ resource, set }) => linked(set, resource.dependencies),
  propertyDependencies: ({ resource, set }) => {
    const links: Record<string, PolicyResource[]> = {};
    for (const [key, urns] of Object.entries(resource.propertyDependencies)) links[key] = linked(set, urns);
    return links;
  },
  isType: ({ resource }) =>
    function isType(resourceClass: ResourceClass) {
      return isTypeOf(resource.type, resourceClass);
    },
  asType: ({ resource, proxy }) =>
    function asType(resourceClass: ResourceClass) {
      return isTypeOf(resource.type, resourceClass) ? proxy.props : undefined;
    },
  provider: ({ resource, set }) => providerResource(set.index, resource),
};
const LAZY_KEYS = Object.keys(COMPUTE);
/** Each lazy field's bit and computation. */
const LAZY = new Map(LAZY_KEYS.map((key, i) => [key, { flag: 1 << i, compute: COMPUTE[key] as (source: Source) => unknown }]));
const bit = (key: string) => (LAZY.get(key) as { flag: number }).flag;
const ALL_LAZY = (1 << LAZY_KEYS.length) - 1;

function linked({ index, built }: StackSet, urns: readonly string[]): PolicyResource[] {
  return urns.map((u) => built[index.position(u)]).filter((d): d is PolicyResource => d !== undefined);
}

/** Computes `key` onto the target if it is a lazy field not yet computed, written or deleted. */
function settle(target: Target, key: PropertyKey, compute: boolean): void {
  const lazy = typeof key === "string" ? LAZY.get(key) : undefined;
  if (!lazy) return;
  const source = target[SOURCE] as Source;
  if (!(source.pending & lazy.flag)) return;
  source.pending &= ~lazy.flag;
  if (compute) target[key as string] = lazy.compute(source);
}

function settleAll(target: Target): void {
  for (const key of LAZY_KEYS) settle(target, key, true);
}

const HANDLER: ProxyHandler<Target> = {
  get(target, key, receiver) {
    if (key === SOURCE) return undefined;
    settle(target, key, true);
    return Reflect.get(target, key, receiver);
  },
  has(target, key) {
    if (key === SOURCE) return false;
    settle(target, key, true);
    return Reflect.has(target, key);
  },
  getOwnPropertyDescriptor(target, key) {
    if (key === SOURCE) return undefined;
    settle(target, key, true);
    return Reflect.getOwnPropertyDescriptor(target, key);
  },
  defineProperty(target, key, descriptor) {
    if (key === SOURCE) return false;
    settle(target, key, false);
    return Reflect.defineProperty(target, key, descriptor);
  },
  deleteProperty(target, key) {
    if (key === SOURCE) return true;
    settle(target, key, false);
    return Reflect.deleteProperty(target, key);
  },
  ownKeys(target) {
    settleAll(target);
    const rank = (key: PropertyKey) => {
      const at = typeof key === "string" ? KEY_ORDER.indexOf(key) : -1;
      return at < 0 ? KEY_ORDER.length : at;
    };
    // A stable sort: keys a rule added keep their order, after the server's.
    return Reflect.ownKeys(target)
      .filter((key) => key !== SOURCE)
      .sort((a, b) => rank(a) - rank(b));
  },
};

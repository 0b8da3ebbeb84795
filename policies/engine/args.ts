/**
 * `ResourceValidationArgs`, `PolicyResource` and their parts, built from a Plan exactly as
 * `@pulumi/policy`'s server builds them from the engine's `AnalyzeRequest` / `AnalyzeStackRequest`
 * (`getResourceOptions`, `getProviderResource`, `isTypeOf`, `freezeMap`, parent/dependency linking).
 */
import type {
  PolicyProviderResource,
  PolicyResourceOptions,
  ResourceValidationArgs,
} from "@pulumi/policy";
import { PhiguardError } from "../../cli/errors";
import type { Plan, PlannedResource } from "../../cli/plan";
import { durationSeconds } from "./duration";
import { unknownCheckingProxy } from "./proxy";
import { pulumiTypeOf } from "./rule";
import { InvalidPlanValueError, toPolicyProps } from "./values";

/** What `args.notApplicable(reason)` throws. */
export class NotApplicableError extends Error {
  constructor(readonly reason?: string) {
    super(reason ?? "Policy does not apply");
    this.name = "NotApplicableError";
  }
}

export function throwNotApplicable(reason?: string): never {
  throw new NotApplicableError(reason);
}

export type ResourceClass = Parameters<ResourceValidationArgs["isType"]>[0];

/** Same as the server's `isTypeOf`: the class's attached Pulumi type, else its `isInstance`. */
export function isTypeOf(type: string, resourceClass: ResourceClass): boolean {
  const pulumiType = pulumiTypeOf(resourceClass);
  if (pulumiType) return type === pulumiType;
  const isInstance = (resourceClass as { isInstance?: unknown }).isInstance;
  return (
    typeof isInstance === "function" && (isInstance as (o: unknown) => unknown)({ __pulumiType: type }) === true
  );
}

/** Same as the server's `freezeMap`. */
export function freezeMap(map: Map<string, string>): ReadonlyMap<string, string> {
  return Object.freeze({
    entries: map.entries.bind(map),
    forEach: map.forEach.bind(map),
    get: map.get.bind(map),
    has: map.has.bind(map),
    keys: map.keys.bind(map),
    size: map.size,
    values: map.values.bind(map),
    [Symbol.iterator]: map[Symbol.iterator].bind(map),
  }) as unknown as ReadonlyMap<string, string>;
}

/** The Plan, indexed once for every rule. */
export class PlanIndex {
  readonly byUrn = new Map<string, PlannedResource>();
  readonly byType = new Map<string, PlannedResource[]>();
  readonly stackTags: ReadonlyMap<string, string>;

  constructor(readonly plan: Plan) {
    for (const r of plan.resources) {
      this.byUrn.set(r.urn, r);
      const list = this.byType.get(r.type);
      if (list) list.push(r);
      else this.byType.set(r.type, [r]);
    }
    // Sorted by key, as the server's map from the protobuf request iterates.
    this.stackTags = freezeMap(new Map(Object.entries(plan.stackTags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
  }

  private positions: Map<string, number> | undefined;
  private convertible = false;

  /** The index of a URN's resource in the plan, or -1. */
  position(urn: string): number {
    this.positions ??= new Map(this.plan.resources.map((r, i) => [r.urn, i]));
    return this.positions.get(urn) ?? -1;
  }

  /** Throws the malformed-plan error of the first resource whose props or options a rule could not be given. */
  assertConvertible(): void {
    if (this.convertible) return;
    for (const r of this.plan.resources) {
      convertedProps(r);
      resourceOptions(r);
    }
    this.convertible = true;
  }

  /** The explicit provider resource; a provider reference may carry a trailing `::<id>`. */
  providerOf(resource: PlannedResource): PlannedResource | undefined {
    const ref = resource.provider;
    if (!ref) return undefined;
    return this.byUrn.get(ref) ?? this.byUrn.get(ref.slice(0, ref.lastIndexOf("::")));
  }
}

/** A plan resource's props as the policy sees them: converted fresh, behind the unknown-checking proxy. */
export function policyProps(resource: PlannedResource, label: string): Record<string, unknown> {
  return unknownCheckingProxy(convertedProps(resource), { urn: resource.urn, planProps: resource.props, label });
}

/** A fresh conversion of the props; a value the wire cannot carry is a malformed plan, naming the resource. */
function convertedProps(resource: PlannedResource): Record<string, unknown> {
  try {
    return toPolicyProps(resource.props);
  } catch (e) {
    if (e instanceof InvalidPlanValueError) {
      throw new PhiguardError(`resource ${resource.urn}: ${e.message}; the plan is malformed`, { cause: e });
    }
    throw e;
  }
}

/** Same shape and key order as the server's `getResourceOptions`. */
export function resourceOptions(resource: PlannedResource): PolicyResourceOptions {
  const o = resource.options;
  const result: PolicyResourceOptions = {
    protect: o.protect,
    ignoreChanges: [...o.ignoreChanges],
    aliases: [...o.aliases],
    customTimeouts: {
      createSeconds: timeoutSeconds(resource, "create"),
      updateSeconds: timeoutSeconds(resource, "update"),
      deleteSeconds: timeoutSeconds(resource, "delete"),
    },
    additionalSecretOutputs: [...o.additionalSecretOutputs],
  };
  if (o.deleteBeforeReplace !== undefined) result.deleteBeforeReplace = o.deleteBeforeReplace;
  if (resource.parent) result.parent = resource.parent;
  return result;
}

function timeoutSeconds(resource: PlannedResource, which: "create" | "update" | "delete"): number {
  const text = resource.options.customTimeouts?.[which] ?? "";
  const seconds = durationSeconds(text);
  if (seconds === undefined) {
    throw new PhiguardError(
      `resource ${resource.urn}: customTimeouts.${which} is ${JSON.stringify(text)}; expected a duration such as "10m" or "1h30m"`,
    );
  }
  return seconds;
}

/**
 * Same as the server's `getProviderResource`. A provider the plan names but does not contain
 * (never the case for the offline planner) is given with empty props, typed and named from its URN.
 */
export function providerResource(index: PlanIndex, resource: PlannedResource): PolicyProviderResource | undefined {
  if (!resource.provider) return undefined;
  const provider = index.providerOf(resource);
  if (provider) {
    return { type: provider.type, props: policyProps(provider, "provider.props"), urn: provider.urn, name: provider.name };
  }
  const urn = resource.provider;
  const parts = urn.split("::");
  const qualifiedType = parts[2] ?? "";
  return {
    type: qualifiedType.slice(qualifiedType.lastIndexOf("$") + 1),
    props: unknownCheckingProxy({}, { urn, planProps: {}, label: "provider.props" }),
    urn,
    name: parts.slice(3).join("::"),
  };
}

/** `args.isType` / `args.asType` for one resource. */
export function typeChecks(type: string, props: Record<string, unknown>) {
  return {
    isType: (resourceClass: ResourceClass) => isTypeOf(type, resourceClass),
    asType: ((resourceClass: ResourceClass) => (isTypeOf(type, resourceClass) ? props : undefined)) as never,
  };
}

/** The args of one `validateResource` call. */
export function resourceValidationArgs(
  index: PlanIndex,
  resource: PlannedResource,
  getConfig: ResourceValidationArgs["getConfig"],
): ResourceValidationArgs {
  const { type } = resource;
  const props = policyProps(resource, "props");
  const args: ResourceValidationArgs = {
    type,
    props,
    urn: resource.urn,
    name: resource.name,
    opts: resourceOptions(resource),
    stackTags: index.stackTags,
    ...typeChecks(type, props),
    getConfig,
    notApplicable: throwNotApplicable,
  };
  const provider = providerResource(index, resource);
  if (provider) args.provider = provider;
  return args;
}

/**
 * The equivalent of `@pulumi/policy`'s `unknownCheckingProxy`: reading a value that is unknown at
 * preview throws. Here the error also says which resource the value belongs to and whether it was
 * unknown or a secret the plan does not hold.
 */
import { isSecret, type PlanValue } from "../../cli/plan";

/**
 * The wire protocol's unknown sentinel (`UnknownStringValue`), which the Pulumi engine sends for
 * every computed value and `@pulumi/policy` leaves in place of the value. Secrets, whose value a
 * plan never holds, are represented the same way.
 */
export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const IS_SPECIAL_PROXY = "__isSpecialProxy";
const GET_SPECIAL_PROXY_TARGET = "__getSpecialProxyTarget";

/** Whose values a proxy guards: the resource and its plan props (to tell unknowns from secrets). */
export interface ProxyOwner {
  readonly urn: string;
  readonly planProps: PlanValue;
  /** How the rule reached these props, e.g. `props` or `provider.props`. */
  readonly label: string;
}

/** Thrown when a rule reads a value the offline plan cannot know. */
export class UnverifiableValueError extends Error {
  readonly reason: "unknown" | "secret";

  constructor(
    readonly owner: ProxyOwner,
    readonly props: readonly PropertyKey[],
  ) {
    // Same wording as @pulumi/policy's UnknownValueError.
    super(`string value at .${props.map(String).join(".")} can't be known during preview`);
    this.name = "UnverifiableValueError";
    this.reason = isSecret(valueAt(owner.planProps, props)) ? "secret" : "unknown";
  }

  /** `props.a.b`, as a rule author would write the access. */
  get path(): string {
    return [this.owner.label, ...this.props.map(String)].join(".");
  }
}

export function unknownCheckingProxy<T>(target: T, owner: ProxyOwner): T {
  return proxyHelper(target, [], owner) as T;
}

function proxyHelper(toProxy: unknown, propsAcc: readonly PropertyKey[], owner: ProxyOwner): unknown {
  if (!(toProxy instanceof Object)) return toProxy;
  return new Proxy(toProxy, {
    get: (obj, prop) => {
      if (prop === IS_SPECIAL_PROXY) return true;
      if (prop === GET_SPECIAL_PROXY_TARGET) return obj;
      const field = (obj as Record<PropertyKey, unknown>)[prop];
      const newProps = [...propsAcc, prop];
      if (field === UNKNOWN_SENTINEL) throw new UnverifiableValueError(owner, newProps);
      // Proxy invariant: a non-configurable, non-writable own data property must be returned as is.
      const desc = Object.getOwnPropertyDescriptor(obj, prop);
      if (desc && "value" in desc && desc.configurable === false && desc.writable === false) return field;
      return proxyHelper(field, newProps, owner);
    },
  });
}

function valueAt(root: PlanValue, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== "object" || typeof key === "symbol") return undefined;
    current = (current as Record<string, unknown>)[key as string];
  }
  return current;
}

/**
 * When a resource is constructed, the SDK gives it an Output for every property of its type
 * (`transferProperties`): about 30 for a typical AWS resource. Each is four pending promises plus
 * the chains an Output builds over them, about 4 KB while the registration is in flight. A program
 * reads a few of them. A 5,000-resource program builds all of its resources before any
 * registration completes, so the SDK then holds ~140,000 pending Outputs at once: most of a
 * large plan's peak memory and garbage collection.
 *
 * The planner swaps in a version that builds each Output, with the SDK's own `Output` class and
 * `debuggablePromise`, when the program first reads the property. Until then it keeps only what
 * the registration settled the property with. What a program can observe does not change:
 * - each property is an own, enumerable, writable, configurable property of the resource;
 * - every read returns the same Output;
 * - the Output resolves with the value, knownness, secretness and dependencies the registration
 *   gave it, or rejects with its error.
 *
 * The SDK calls it through the module object (`rpc_1.transferProperties(...)`), so replacing the
 * export takes effect everywhere. Pinned by sdk.test.ts; `PHIGUARD_EAGER_OUTPUTS=1` keeps the
 * SDK's own version (lazy-outputs.test.ts plans the reference stacks both ways and compares).
 */
import type { PulumiSdk } from "./sdk";

type Resolver = (value: unknown, isKnown: boolean, isSecret: boolean, deps?: unknown[], error?: unknown) => void;
type Settlement =
  | { readonly value: unknown; readonly isKnown: boolean; readonly isSecret: boolean; readonly deps: unknown[] }
  | { readonly error: unknown };

/** The four promises an Output is built from, as `transferProperties` creates them. */
interface PendingPromises {
  resolve(settlement: Settlement): void;
}

/** The SDK's own and the lazy `transferProperties`, by SDK module. */
const versions = new WeakMap<object, { eager: unknown; lazy: unknown }>();

/** Installs the lazy `transferProperties`, or with PHIGUARD_EAGER_OUTPUTS=1 puts the SDK's own back. */
export function useLazyOutputs(sdk: PulumiSdk): void {
  const rpc = sdk.rpc;
  let both = versions.get(rpc);
  if (!both) versions.set(rpc, (both = { eager: rpc.transferProperties, lazy: lazyTransferProperties(new OutputFactory(sdk)) }));
  rpc.transferProperties = process.env.PHIGUARD_EAGER_OUTPUTS === "1" ? both.eager : both.lazy;
}

function lazyTransferProperties(outputs: OutputFactory) {
  return (onto: object, label: string, props: Record<string, unknown>): Record<string, Resolver> => {
    const resolvers: Record<string, Resolver> = {};
    for (const key of Object.keys(props)) {
      // The SDK handles id and urn itself.
      if (key === "id" || key === "urn") continue;
      if (Object.prototype.hasOwnProperty.call(onto, key)) {
        throw new Error(`Property '${key}' is already initialized on target '${label}`);
      }
      const slot = new PropertySlot(outputs, onto, label, key);
      slotsOf(onto).set(key, slot);
      Object.defineProperty(onto, key, accessorFor(key));
      resolvers[key] = (value, isKnown, isSecret, deps = [], error) => slot.settle(value, isKnown, isSecret, deps, error);
    }
    return resolvers;
  };
}

/** Builds Outputs with the program's own SDK, exactly as `transferProperties` would. */
class OutputFactory {
  constructor(private readonly sdk: PulumiSdk) {}

  isSkippedError(error: unknown): boolean {
    // The SDK leaves a property unresolved when the engine went away (a gRPC error).
    if (!this.sdk.errors.isGrpcError(error)) return false;
    if (this.sdk.debuggable.debugPromiseLeaks) console.error("info: skipped rejection in transferProperties");
    return true;
  }

  /** An Output of `onto` whose four promises settle through the returned handle. */
  pending(onto: object, context: string): { output: unknown; promises: PendingPromises } {
    const parts = [0, 1, 2, 3].map(() => {
      let resolve!: (value: unknown) => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<unknown>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    });
    const output = this.build(onto, context, parts.map((p) => p.promise) as [Promise<unknown>, Promise<unknown>, Promise<unknown>, Promise<unknown>]);
    const promises: PendingPromises = {
      resolve(settlement) {
        if ("error" in settlement) {
          for (const part of parts) part.reject(settlement.error);
          return;
        }
        const [value, isKnown, isSecret, deps] = parts;
        value!.resolve(settlement.value);
        isKnown!.resolve(settlement.isKnown);
        isSecret!.resolve(settlement.isSecret);
        deps!.resolve(settlement.deps);
      },
    };
    return { output, promises };
  }

  /** An Output of `onto` for a property whose registration already settled it. */
  settled(onto: object, context: string, settlement: Settlement): unknown {
    if ("error" in settlement) {
      const rejected = () => Promise.reject(settlement.error);
      return this.build(onto, context, [rejected(), rejected(), rejected(), rejected()]);
    }
    const { value, isKnown, isSecret, deps } = settlement;
    return this.build(onto, context, [Promise.resolve(value), Promise.resolve(isKnown), Promise.resolve(isSecret), Promise.resolve(deps)]);
  }

  private build(onto: object, context: string, [value, isKnown, isSecret, deps]: Promise<unknown>[]): unknown {
    const { debuggablePromise } = this.sdk.debuggable;
    return new this.sdk.output.Output(
      onto,
      debuggablePromise(value!, `transferProperty(${context})`),
      debuggablePromise(isKnown!, `transferIsStable(${context})`),
      debuggablePromise(isSecret!, `transferIsSecret(${context})`),
      debuggablePromise(deps!, `transferDeps(${context})`),
    );
  }
}

/** One property of one resource: its settlement until the program reads it, then its Output. */
class PropertySlot {
  private settlement: Settlement | undefined;
  /** The Output, once the program read the property (an Output is never undefined). */
  private output: unknown;
  private promises: PendingPromises | undefined;

  constructor(
    private readonly outputs: OutputFactory,
    private readonly onto: object,
    private readonly label: string,
    private readonly key: string,
  ) {}

  settle(value: unknown, isKnown: boolean, isSecret: boolean, deps: unknown[], error: unknown): void {
    // A promise settles once: later calls change nothing, as with the SDK's own promises.
    if (this.settlement) return;
    if (error) {
      if (this.outputs.isSkippedError(error)) return;
      this.settlement = { error };
    } else {
      this.settlement = { value, isKnown, isSecret, deps };
    }
    this.promises?.resolve(this.settlement);
    this.promises = undefined;
  }

  read(): unknown {
    if (this.output === undefined) {
      const context = `${this.label}, ${this.key}`;
      if (this.settlement) {
        this.output = this.outputs.settled(this.onto, context, this.settlement);
      } else {
        const pending = this.outputs.pending(this.onto, context);
        this.output = pending.output;
        this.promises = pending.promises;
      }
    }
    return this.output;
  }
}

/** Slots by resource, then property; a WeakMap so nothing new is visible on the resource. */
const slotsByResource = new WeakMap<object, Map<string, PropertySlot>>();

function slotsOf(onto: object): Map<string, PropertySlot> {
  let slots = slotsByResource.get(onto);
  if (!slots) slotsByResource.set(onto, (slots = new Map()));
  return slots;
}

/**
 * One accessor per property name, shared by every resource. The first read turns the property
 * into the plain data property the SDK would have created; a write does the same with the value
 * written.
 */
const accessors = new Map<string, PropertyDescriptor>();

/** Builds the Output of `key` on `start` or the resource it inherits from, and keeps it there. */
function readSlot(start: object, key: string): unknown {
  for (let owner: object | null = start; owner; owner = Object.getPrototypeOf(owner) as object | null) {
    const slots = slotsByResource.get(owner);
    const slot = slots?.get(key);
    if (!slots || !slot) continue;
    const output = slot.read();
    slots.delete(key);
    Object.defineProperty(owner, key, { value: output, writable: true, enumerable: true, configurable: true });
    return output;
  }
  return undefined;
}

function accessorFor(key: string): PropertyDescriptor {
  let accessor = accessors.get(key);
  if (accessor) return accessor;
  accessor = {
    enumerable: true,
    configurable: true,
    get(this: object): unknown {
      return readSlot(this, key);
    },
    set(this: object, value: unknown): void {
      slotsByResource.get(this)?.delete(key);
      Object.defineProperty(this, key, { value, writable: true, enumerable: true, configurable: true });
    },
  };
  accessors.set(key, accessor);
  return accessor;
}

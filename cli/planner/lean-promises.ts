/**
 * The SDK wraps every promise it creates in `debuggablePromise`, which captures a full stack
 * trace and defines three properties per promise, only to print them when a program leaks
 * promises and PULUMI_DEBUG_PROMISE_LEAKS is set. Profiles of large plans show that capture as
 * the largest single cost (and with source maps on, every frame is mapped too). The planner
 * swaps in a version that keeps what the leak check relies on, how many of a run's promises are
 * still unsettled, and drops the stack capture. It counts instead of keeping a set of the
 * promises, and settles them through two handlers per run rather than two closures per promise:
 * a large plan creates hundreds of thousands of them.
 *
 * The SDK's modules call it through the module object (`debuggable_1.debuggablePromise(...)`),
 * so replacing the export takes effect everywhere. Pinned by sdk.test.ts.
 */
import type { PulumiSdk, SdkStore } from "./sdk";

const patched = new WeakSet<object>();

/** The unsettled promises of one run (one SDK store). */
class PromiseCount {
  unsettled = 0;
  readonly fulfilled = <T>(value: T): T => {
    this.unsettled--;
    return value;
  };
  readonly rejected = (error: unknown): never => {
    this.unsettled--;
    throw error;
  };
}

const counts = new WeakMap<SdkStore, PromiseCount>();

export function useLeanPromises(sdk: PulumiSdk): void {
  const module = sdk.debuggable as { debuggablePromise: unknown };
  if (patched.has(module) || process.env.PULUMI_DEBUG_PROMISE_LEAKS) return;
  const getStore = sdk.state.getStore;
  module.debuggablePromise = <T>(p: Promise<T>): Promise<T> => {
    const store = getStore();
    let count = counts.get(store);
    if (!count) counts.set(store, (count = new PromiseCount()));
    count.unsettled++;
    return p.then(count.fulfilled, count.rejected);
  };
  patched.add(module);
}

/** Promises of the run in `store` that never settled: the lean count, or the SDK's own set. */
export function unsettledPromises(store: SdkStore): number {
  return counts.get(store)?.unsettled ?? store.leakCandidates.size;
}

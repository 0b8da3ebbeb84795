/**
 * The SDK wraps every promise it creates in `debuggablePromise`, which captures a full stack
 * trace and defines three properties per promise, only to print them when a program leaks
 * promises and PULUMI_DEBUG_PROMISE_LEAKS is set. Profiles of large plans show that capture as
 * the largest single cost (and with source maps on, every frame is mapped too). The planner
 * swaps in a version that keeps what the SDK's leak detection relies on, the per-run set of
 * unresolved promises, and drops the stack capture.
 *
 * The SDK's modules call it through the module object (`debuggable_1.debuggablePromise(...)`),
 * so replacing the export takes effect everywhere. Pinned by sdk.test.ts.
 */
import type { PulumiSdk } from "./sdk";

const patched = new WeakSet<object>();

export function useLeanPromises(sdk: PulumiSdk): void {
  const module = sdk.debuggable as { debuggablePromise: unknown };
  if (patched.has(module) || process.env.PULUMI_DEBUG_PROMISE_LEAKS) return;
  const getStore = sdk.state.getStore;
  module.debuggablePromise = <T>(p: Promise<T>): Promise<T> => {
    const candidates = getStore().leakCandidates;
    candidates.add(p);
    return p.then(
      (value) => {
        candidates.delete(p);
        return value;
      },
      (error: unknown) => {
        candidates.delete(p);
        if (error !== null && typeof error === "object") (error as { promise?: unknown }).promise = p;
        throw error;
      },
    );
  };
  patched.add(module);
}

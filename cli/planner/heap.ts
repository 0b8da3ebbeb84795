/**
 * Drops a large plan's garbage before rules run. While a program runs, the SDK keeps every
 * registration in flight at once and V8 grows the heap to match; once the plan is done, only the
 * Plan and the loaded modules are left, but V8 would collect the rest only as the rules' own
 * allocations fill the heap further. Measured on the 5,000-resource estate: before lazy Outputs a
 * check peaked at 1.3 GB without this collection and at the plan's own peak (~820 MB) with it;
 * with lazy Outputs, 450-480 MB without it and 420-430 MB with it, for ~0.2 s. Periodic
 * collections during planning did not lower the peak (the memory is live).
 *
 * V8's `gc` is exposed at runtime (`--expose-gc` through v8.setFlagsFromString, read from a fresh
 * context), the way the `expose-gc` package does; where that is unavailable this does nothing.
 */
import * as v8 from "node:v8";
import * as vm from "node:vm";

/** Heaps below this are left to V8 (a small plan's garbage is not worth a full collection). */
const FLOOR_BYTES = 160 * 1024 * 1024;

let gcFunction: (() => void) | null | undefined;

/**
 * Exposes `gc` now. The CLI calls this before its code cache is used: the flag changes V8's cache
 * tag, and a flag set halfway through a run would keep that run from writing the cache.
 */
export function exposeGarbageCollector(): void {
  exposedGc();
}

function exposedGc(): (() => void) | null {
  if (gcFunction !== undefined) return gcFunction;
  try {
    v8.setFlagsFromString("--expose-gc");
    const gc: unknown = vm.runInNewContext("gc");
    gcFunction = typeof gc === "function" ? (gc as () => void) : null;
  } catch {
    gcFunction = null;
  }
  return gcFunction;
}

/** A full collection, when the heap is past the floor. */
export function collectPlanGarbage(): void {
  if (v8.getHeapStatistics().used_heap_size <= FLOOR_BYTES) return;
  exposedGc()?.();
}

/**
 * Each plan runs against a fresh SDK runtime state (the SDK's `LocalStore`: settings, config,
 * stack resource, leak candidates). The SDK offers `withLocalStorage`, which scopes a store with
 * Node's AsyncLocalStorage; but that turns on promise hooks for the whole process, and profiles of
 * large plans show those hooks at ~7% of the run. The SDK falls back to one process-wide store
 * (`global.globalStore`) when no AsyncLocalStorage scope is active, so the planner installs a fresh
 * store there for each plan and runs plans one at a time. A plan abandoned while its program still
 * runs (a timeout) could touch the process-wide store later, so every plan after one runs in its
 * own AsyncLocalStorage scope, as the SDK intends for concurrent runs.
 *
 * What the SDK keeps process-wide on purpose (resource modules and packages, registered once when
 * `@pulumi/aws` and friends are first loaded and shared across plans, as module loading is) is
 * carried over into each new store. Pinned by sdk.test.ts.
 */
import type { PulumiSdk, SdkStore } from "./sdk";

interface GlobalWithStore {
  globalStore?: SdkStore & { resourcePackages?: unknown; resourceModules?: unknown };
  asyncLocalStorage?: { getStore(): unknown };
}

let queue: Promise<unknown> = Promise.resolve();
let isolateEachPlan = false;

/**
 * Runs `work` with a fresh SDK store, after every plan started before it has finished. `work`
 * calls `abandon` when it gives up on a program that is still running.
 */
export function withFreshStore<T>(sdk: PulumiSdk, work: (abandon: () => void) => Promise<T>): Promise<T> {
  const run = queue.then(() => {
    const g = globalThis as GlobalWithStore;
    // Inside someone else's AsyncLocalStorage scope the SDK would read that store instead.
    if (isolateEachPlan || g.asyncLocalStorage?.getStore() !== undefined) return sdk.state.withLocalStorage(() => work(() => undefined));
    installFreshStore(sdk);
    let abandoned = false;
    // Once the plan is over, drop its store (and the program's resource graph it reaches), so a
    // check evaluating the plan next does not hold both in memory.
    return work(() => {
      abandoned = isolateEachPlan = true;
    }).finally(() => {
      if (!abandoned) installFreshStore(sdk);
    });
  });
  queue = run.catch(() => undefined);
  return run;
}

function installFreshStore(sdk: PulumiSdk): void {
  const g = globalThis as GlobalWithStore & { stackResource?: unknown };
  const previous = g.globalStore;
  const store = new sdk.state.LocalStore() as NonNullable<GlobalWithStore["globalStore"]>;
  if (previous?.resourcePackages) store.resourcePackages = previous.resourcePackages;
  if (previous?.resourceModules) store.resourceModules = previous.resourceModules;
  g.globalStore = store;
  g.stackResource = undefined;
}

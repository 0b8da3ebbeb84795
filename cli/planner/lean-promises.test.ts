import { expect, test } from "vitest";
import { REPO_ROOT } from "../../test/support/plan";
import { loadSdk } from "./sdk";
import { withFreshStore } from "./runtime-store";
import { unsettledPromises, useLeanPromises } from "./lean-promises";

test("the lean debuggablePromise counts a run's unsettled promises and passes values and errors through", async () => {
  const sdk = loadSdk(REPO_ROOT);
  useLeanPromises(sdk);
  await withFreshStore(sdk, async () => {
    const store = sdk.state.getStore();
    let resolve!: (value: string) => void;
    let reject!: (error: Error) => void;
    const fulfilled = sdk.debuggable.debuggablePromise(new Promise<string>((r) => (resolve = r)), "ctx");
    const failed = sdk.debuggable.debuggablePromise(new Promise<string>((_, r) => (reject = r)), "ctx");
    const never = sdk.debuggable.debuggablePromise(new Promise<string>(() => undefined), "ctx");
    expect(unsettledPromises(store)).toBe(3);
    resolve("value");
    reject(new Error("boom"));
    await expect(fulfilled).resolves.toBe("value");
    await expect(failed).rejects.toThrow("boom");
    expect(unsettledPromises(store)).toBe(1);
    void never;
  });
  // Each run counts its own promises.
  await withFreshStore(sdk, async () => expect(unsettledPromises(sdk.state.getStore())).toBe(0));
});

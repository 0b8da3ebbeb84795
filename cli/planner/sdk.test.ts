import { expect, test } from "vitest";
import { REPO_ROOT } from "../../test/support/plan";
import { assertShape, loadSdk, type PulumiSdk } from "./sdk";
import { withFreshStore } from "./runtime-store";
import pkg from "../../package.json";

test("the SDK internals the planner drives exist in the pinned @pulumi/pulumi", () => {
  const sdk = loadSdk(REPO_ROOT);
  expect(sdk.version).toBe(pkg.dependencies["@pulumi/pulumi"]);
  expect(() => assertShape(sdk, REPO_ROOT)).not.toThrow();
});

test("a moved internal fails loudly, naming it", () => {
  const sdk = loadSdk(REPO_ROOT);
  const moved = { ...sdk, state: { ...sdk.state, withLocalStorage: undefined } } as unknown as PulumiSdk;
  expect(() => assertShape(moved, "/some/project")).toThrow(/moved SDK internals .*runtime\/state\.withLocalStorage/);
});

test("without an AsyncLocalStorage scope the SDK reads the process-wide store the planner installs per plan", async () => {
  const sdk = loadSdk(REPO_ROOT);
  const modules = (globalThis as { globalStore?: { resourceModules?: unknown } }).globalStore?.resourceModules;
  const seen: unknown[] = [];
  for (let i = 0; i < 2; i++) {
    await withFreshStore(sdk, async () => {
      const store = sdk.state.getStore();
      expect(store).toBe((globalThis as { globalStore?: unknown }).globalStore);
      expect(store).toBeInstanceOf(sdk.state.LocalStore);
      seen.push(store);
    });
  }
  expect(seen[0]).not.toBe(seen[1]);
  // What the SDK registers once per process (resource modules of loaded packages) is carried over.
  if (modules) expect((globalThis as { globalStore?: { resourceModules?: unknown } }).globalStore?.resourceModules).toBe(modules);
});

test("plans run one at a time, each in its own store", async () => {
  const sdk = loadSdk(REPO_ROOT);
  const order: string[] = [];
  const run = (name: string) =>
    withFreshStore(sdk, async () => {
      order.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(`${name} end`);
    });
  await Promise.all([run("a"), run("b")]);
  expect(order).toEqual(["a start", "a end", "b start", "b end"]);
});

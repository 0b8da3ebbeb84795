import { expect, test } from "vitest";
import { REPO_ROOT } from "../../test/support/plan";
import { assertShape, loadSdk, type PulumiSdk } from "./sdk";
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

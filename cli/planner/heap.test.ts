import * as v8 from "node:v8";
import { expect, test } from "vitest";
import { collectPlanGarbage } from "./heap";

test("after a large plan, the garbage it left is collected before rules run", () => {
  // ~200 MB of objects, then dropped: garbage V8 would keep until the heap fills further.
  let garbage: unknown[] | undefined = Array.from({ length: 2_000 }, (_, i) => Array.from({ length: 10_000 }, () => ({ i })));
  expect(v8.getHeapStatistics().used_heap_size).toBeGreaterThan(160 * 1024 * 1024);
  garbage = undefined;
  collectPlanGarbage();
  expect(garbage).toBeUndefined();
  expect(v8.getHeapStatistics().used_heap_size).toBeLessThan(150 * 1024 * 1024);
});

import { it } from "vitest";
import * as fs from "node:fs";
import { planProgram } from "./cli/planner";
import { REPO_ROOT } from "./test/support/plan";
it.each(["imaging-archive", "analytics-lake", "remote-monitoring", "fhir-platform"])("%s", async (stack) => {
  const plan = await planProgram({ dir: REPO_ROOT, stack, config: {} });
  fs.writeFileSync(`/tmp/plan-${stack}.json`, JSON.stringify(plan, null, 1));
}, 300000);

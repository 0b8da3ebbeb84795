import { test } from "vitest";
import { planTestProgram, verdicts } from "./helpers";
import { POD_SPEC_PROGRAM } from "./pod-spec-program";
import { k8sWorkloadRules } from "..";
test("dump", async () => {
  const t = Date.now();
  const plan = await planTestProgram(POD_SPEC_PROGRAM);
  console.log("plan ms", Date.now() - t, plan.resources.length);
  const v = await verdicts(plan, k8sWorkloadRules);
  for (const r of k8sWorkloadRules) {
    console.log(r.name, "\n  V:", v.violations(r.name).join(" "), "\n  U:", v.unverifiable(r.name).join(" "));
  }
}, 60000);

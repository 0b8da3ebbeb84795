import { it } from "vitest";
import { evaluatePlan } from "../../policies/engine";
import { evaluatePlanRego } from "../../policies/engine/rego";
import { hipaaPolicies } from "../../policies/hipaa";
import * as fs from "node:fs";

it("timing", async () => {
  for (const f of ["/tmp/plan-eks-rules.json", "/tmp/plan-kubernetes-pod-spec.json", "/tmp/plan-components-(SecureCluster,.json"]) {
    const plan = JSON.parse(fs.readFileSync(f, "utf8"));
    const rego0 = await evaluatePlanRego(plan);
    const pol = hipaaPolicies.filter((x) => rego0.ruleIds.includes(x.name));
    let t = performance.now();
    for (let i = 0; i < 20; i++) await evaluatePlan(plan, pol);
    const tts = (performance.now() - t) / 20;
    t = performance.now();
    for (let i = 0; i < 20; i++) await evaluatePlanRego(plan);
    const trego = (performance.now() - t) / 20;
    console.log(f, plan.resources.length, "ts", tts.toFixed(1), "rego", trego.toFixed(1));
  }
});

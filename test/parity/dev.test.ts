import { it } from "vitest";
import * as fs from "node:fs";
import { evaluatePlanRego } from "../../policies/engine/rego";

it("repro", async () => {
  for (const f of ["/tmp/sub.json", "/tmp/plan-kubernetes-pod-spec.json", "/tmp/sub.json", "/tmp/plan-eks-rules.json", "/tmp/sub.json"]) {
    const plan = JSON.parse(fs.readFileSync(f, "utf8"));
    try { const r = await evaluatePlanRego(plan); console.log(f, r.findings.length); } catch (e) { console.log(f, String(e)); }
  }
});

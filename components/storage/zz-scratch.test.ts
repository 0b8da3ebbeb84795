import { test } from "vitest";
import { planTestProgram } from "../../test/support/plan";
test("scratch", async () => {
  const t = Date.now();
  const plan = await planTestProgram(`
import { EnvelopeKey } from "../../components/keys";
import { PhiBucket } from "../../components/storage";
const key = new EnvelopeKey("phi", { regions: ["us-east-1", "us-west-2"], viaServices: ["s3"] });
new PhiBucket("imaging", { key, lifecycle: "imaging" });
`, { config: { "phiguard:owner": "x" } });
  console.log(Date.now() - t);
  for (const r of plan.resources) console.log(r.type, r.name, r.region, JSON.stringify(r.props).slice(0, 1500), JSON.stringify(r.propertyDependencies).slice(0,600), r.dependencies.length);
});

import { it } from "vitest";
import { awsRules } from "./rules/aws";
import { ruleSetCoverage } from "./coverage";
it("x", () => {
  for (const s of ["aws-config-hipaa", "cdk-nag-hipaa"] as const) {
    const c = ruleSetCoverage(awsRules, s);
    console.log(s, c.covered, "/", c.total);
    console.log(c.rules.filter((r) => !r.covered).map((r) => r.id).join("\n"));
  }
});

/**
 * The root project as a user meets it: `npx phiguard check` from the repo root (the README's first
 * command) gates the demo stack through the built binary, and a stack must be chosen when
 * phiguard.yaml does not name one.
 */
import { describe, expect, test } from "vitest";
import { planProgram } from "../../cli/planner";
import { runPhiguard } from "../support/cli";
import { REPO_ROOT } from "./support";

describe("phiguard check from the repo root", () => {
  test("without --stack, checks the demo stack named by phiguard.yaml and passes (exit 0)", () => {
    const run = runPhiguard(["check", "--format", "json"], { cwd: REPO_ROOT });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { passed: boolean; summary: { stack: string; resources: number }; findings: { level: string; kind: string; ruleId: string }[] };
    expect(report.passed).toBe(true);
    expect(report.summary.stack).toBe("demo");
    expect(report.findings.filter((f) => f.kind === "violation")).toEqual([]);
    // Only the "cannot be verified before deploy" advisories of imaging-archive's README.
    expect(report.findings.map((f) => `${f.level} ${f.kind} ${f.ruleId}`).sort()).toEqual(
      ["iam-policy-no-admin-access", "iam-policy-no-full-service-access", "iam-policy-no-kms-decrypt-on-all-keys"].flatMap((rule) => [
        `advisory unverifiable ${rule}`,
        `advisory unverifiable ${rule}`,
      ]),
    );
  });

  test("the planner refuses to guess between the committed stacks", async () => {
    await expect(planProgram({ dir: REPO_ROOT })).rejects.toThrow(/several stacks \(analytics-lake, demo, fhir-platform, imaging-archive, remote-monitoring\); choose one with --stack/);
  });
});

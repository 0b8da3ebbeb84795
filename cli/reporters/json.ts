/**
 * The machine-readable report: stable key order, findings sorted, no secret values (the Plan never
 * holds any). `schemaVersion` changes only on incompatible changes.
 */
import type { CheckResult } from "../check";
import { sortFindings } from "../../policies/engine";
import { summarize } from "./summary";
import { waiverOf } from "./model";

export const REPORT_SCHEMA_VERSION = 1;

export function renderJson(result: CheckResult): string {
  const summary = summarize(result);
  const report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: "phiguard",
    passed: summary.passed,
    summary,
    findings: sortFindings(result.findings).map((f) => ({
      ruleId: f.ruleId,
      level: f.level,
      kind: f.kind,
      ...(f.severity ? { severity: f.severity } : {}),
      urn: f.urn ?? null,
      resourceType: f.resourceType ?? null,
      resourceName: f.resourceName ?? null,
      message: f.message,
      hipaa: [...f.hipaa],
      remediation: f.remediation ?? null,
      // Only on waived findings, so reports without waivers are unchanged.
      ...(waiverOf(f) ? { waiver: { ...waiverOf(f)! } } : {}),
    })),
  };
  return JSON.stringify(report, null, 2) + "\n";
}

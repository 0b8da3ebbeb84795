/**
 * The default report, for people: what is wrong, where, why it matters for HIPAA, how to fix it.
 * Mandatory violations first, then advisories, then what cannot be verified until deploy.
 */
import type { CheckResult } from "../check";
import { isBlocking } from "../check";
import type { Finding } from "../../policies/engine";
import { compareFindings } from "../../policies/engine";
import { summarize } from "./summary";
import { waiverOf } from "./model";

export interface TextOptions {
  /** ANSI colours (only on a TTY without NO_COLOR). @default false */
  readonly color?: boolean;
}

const GROUPS: { title: string; label: string; colour: string; test: (f: Finding) => boolean }[] = [
  { title: "Mandatory violations (block the change)", label: "MANDATORY", colour: "31", test: (f) => !waiverOf(f) && isBlocking(f) },
  { title: "Advisory findings", label: "ADVISORY", colour: "33", test: (f) => !waiverOf(f) && !isBlocking(f) && f.kind === "violation" },
  { title: "Waived findings (accepted risks)", label: "WAIVED", colour: "35", test: (f) => waiverOf(f) !== undefined },
  {
    title: "Cannot be verified until deploy",
    label: "UNVERIFIED",
    colour: "36",
    test: (f) => !waiverOf(f) && !isBlocking(f) && f.kind !== "violation",
  },
];

export function renderText(result: CheckResult, options: TextOptions = {}): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const s = summarize(result);
  const lines: string[] = [];
  lines.push(
    `phiguard: HIPAA check of ${s.project}/${s.stack} (${s.source}: ${s.resources} resources, ${s.rules} rules)`,
  );
  for (const group of GROUPS) {
    const findings = result.findings.filter(group.test).sort(compareFindings);
    if (findings.length === 0) continue;
    lines.push("", paint("1", `${group.title}: ${findings.length}`));
    for (const finding of findings) lines.push("", ...renderFinding(finding, paint(group.colour, group.label)));
  }
  lines.push("");
  const verdict = s.passed ? paint("32", "PASS") : paint("31", "FAIL");
  const waived = result.findings.filter((f) => waiverOf(f)).length;
  lines.push(
    `${verdict}: ${s.mandatory} mandatory, ${s.advisory} advisory, ${s.unverifiable + s.notVisible} to verify at deploy${waived > 0 ? `, ${waived} waived` : ""}`,
  );
  return lines.join("\n") + "\n";
}

function renderFinding(finding: Finding, label: string): string[] {
  const resource = finding.urn
    ? `${finding.resourceType ?? ""} "${finding.resourceName ?? ""}"`.trim()
    : "(stack)";
  const [why, ...detail] = finding.message.split("\n");
  const out = [`  ${label}  ${finding.ruleId}  ${resource}`];
  out.push(`    why    ${[why, ...detail].filter((l) => l && l.trim()).join(" ")}`);
  if (finding.remediation) out.push(`    fix    ${finding.remediation}`);
  if (finding.hipaa.length > 0) out.push(`    hipaa  ${finding.hipaa.join(", ")}`);
  if (finding.urn) out.push(`    urn    ${finding.urn}`);
  const waiver = waiverOf(finding);
  if (waiver) out.push(`    waived until ${waiver.expires} by ${waiver.approver}: ${waiver.reason}`);
  return out;
}

/**
 * JUnit XML, for CI test-report views (GitLab, Jenkins, Azure DevOps, GitHub test reporters): one
 * test suite per rule, one test case per rule × resource the rule evaluated. A violation is a
 * `<failure>` (type `mandatory` or `advisory`); a finding that cannot be verified until deploy, or
 * a waived violation, is `<skipped>` with the reason. Times are 0 so the output is deterministic.
 */
import { compareStrings, type Finding } from "../../policies/engine/finding";
import { resourceIndex, resourceLabel, rulesOf, stackLabel, urnName, urnType, verdictOf, waiverOf, type StackCheck } from "./model";

interface Case {
  readonly name: string;
  readonly classname: string;
  readonly urn?: string;
  readonly findings: Finding[];
}

interface Suite {
  readonly name: string;
  readonly ruleId: string;
  readonly stack: string;
  readonly hipaa: readonly string[];
  readonly cases: Case[];
}

export function renderJunit(checks: readonly StackCheck[]): string {
  const rules = new Map(rulesOf(checks).map((r) => [r.id, r]));
  const suites: Suite[] = [];
  for (const check of checks) {
    const { result } = check;
    const stack = stackLabel(result);
    const byUrn = resourceIndex(result);
    const byRule = new Map<string, Map<string, Case>>();
    const caseFor = (ruleId: string, urn: string | undefined): Case => {
      let cases = byRule.get(ruleId);
      if (!cases) byRule.set(ruleId, (cases = new Map()));
      const key = urn ?? "";
      let c = cases.get(key);
      if (!c) {
        const resource = urn ? byUrn.get(urn) : undefined;
        const name = urn
          ? resourceLabel({ urn, resourceType: resource?.type ?? urnType(urn), resourceName: resource?.name ?? urnName(urn) })
          : "(stack)";
        c = { name, classname: `phiguard.${result.plan.project}.${result.plan.stack}.${ruleId}`, ...(urn ? { urn } : {}), findings: [] };
        cases.set(key, c);
      }
      return c;
    };
    for (const pair of result.evaluation.evaluated) caseFor(pair.ruleId, pair.urn);
    for (const f of result.findings) caseFor(f.ruleId, f.urn).findings.push(f);
    for (const [ruleId, cases] of byRule) {
      suites.push({
        name: checks.length > 1 ? `${stack} ${ruleId}` : ruleId,
        ruleId,
        stack,
        hipaa: rules.get(ruleId)?.hipaa ?? [],
        cases: [...cases.values()].sort((a, b) => compareStrings(a.urn, b.urn)),
      });
    }
  }
  suites.sort((a, b) => compareStrings(a.stack, b.stack) || compareStrings(a.ruleId, b.ruleId));

  const totals = { tests: 0, failures: 0, skipped: 0 };
  const body: string[] = [];
  for (const suite of suites) {
    const counts = { tests: suite.cases.length, failures: 0, skipped: 0 };
    const cases: string[] = [];
    for (const c of suite.cases) {
      const outcome = outcomeOf(c.findings);
      if (outcome?.tag === "failure") counts.failures++;
      if (outcome?.tag === "skipped") counts.skipped++;
      const open = `    <testcase name="${attr(c.name)}" classname="${attr(c.classname)}" time="0"`;
      if (!outcome) {
        cases.push(`${open}/>`);
        continue;
      }
      const inner =
        outcome.tag === "failure"
          ? `<failure message="${attr(outcome.message)}" type="${outcome.type}">${text(outcome.detail)}</failure>`
          : `<skipped message="${attr(outcome.message)}"/>`;
      cases.push(`${open}>`, `      ${inner}`, ...(c.urn ? [`      <system-out>${text(c.urn)}</system-out>`] : []), "    </testcase>");
    }
    totals.tests += counts.tests;
    totals.failures += counts.failures;
    totals.skipped += counts.skipped;
    body.push(
      `  <testsuite name="${attr(suite.name)}" tests="${counts.tests}" failures="${counts.failures}" errors="0" skipped="${counts.skipped}" time="0">`,
      "    <properties>",
      `      <property name="stack" value="${attr(suite.stack)}"/>`,
      `      <property name="rule" value="${attr(suite.ruleId)}"/>`,
      ...(suite.hipaa.length > 0 ? [`      <property name="hipaa" value="${attr(suite.hipaa.join(", "))}"/>`] : []),
      "    </properties>",
      ...cases,
      "  </testsuite>",
    );
  }
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="phiguard HIPAA check" tests="${totals.tests}" failures="${totals.failures}" errors="0" skipped="${totals.skipped}" time="0">`,
    ...body,
    "</testsuites>",
    "",
  ].join("\n");
}

type Outcome =
  | { tag: "failure"; type: "mandatory" | "advisory"; message: string; detail: string }
  | { tag: "skipped"; message: string };

function outcomeOf(findings: readonly Finding[]): Outcome | undefined {
  if (findings.length === 0) return undefined;
  const violations = findings.filter((f) => verdictOf(f) === "fail" || verdictOf(f) === "advisory");
  if (violations.length > 0) {
    const mandatory = violations.some((f) => verdictOf(f) === "fail");
    return {
      tag: "failure",
      type: mandatory ? "mandatory" : "advisory",
      message: violations.map((f) => oneLine(f.message)).join(" | "),
      detail: findings.map(describe).join("\n\n"),
    };
  }
  return { tag: "skipped", message: findings.map(skipReason).join(" | ") };
}

function skipReason(f: Finding): string {
  const waiver = waiverOf(f);
  if (waiver) return `waived until ${waiver.expires} by ${waiver.approver}: ${oneLine(waiver.reason)} (${oneLine(f.message)})`;
  return `cannot be verified until deploy: ${oneLine(f.message)}`;
}

function describe(f: Finding): string {
  const waiver = waiverOf(f);
  return [
    `${verdictOf(f).toUpperCase()} ${f.ruleId}: ${f.message.trim()}`,
    f.remediation ? `Fix: ${f.remediation}` : "",
    f.hipaa.length > 0 ? `HIPAA: ${f.hipaa.join(", ")}` : "",
    waiver ? `Waived until ${waiver.expires} by ${waiver.approver}: ${waiver.reason}` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Characters XML 1.0 forbids even escaped (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/F). */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(s: string): string {
  return s.replace(INVALID_XML, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function attr(s: string): string {
  return text(s).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

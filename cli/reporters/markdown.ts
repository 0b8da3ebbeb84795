/**
 * GitHub-flavoured Markdown, for pull-request comments and the Actions step summary
 * (`$GITHUB_STEP_SUMMARY`): a summary table (one row per stack), then per stack a findings table
 * and the details of each finding in a collapsible block.
 *
 * Every piece of text that comes from a program or a rule is escaped (no HTML or Markdown from a
 * resource name reaches the page). Findings beyond `maxFindings` per stack are counted, not listed,
 * to stay within GitHub's comment (64 KiB) and summary (1 MiB) limits.
 */
import type { Finding } from "../../policies/engine/finding";
import {
  countVerdicts,
  firstLine,
  resourceLabel,
  sortByVerdict,
  stackLabel,
  verdictOf,
  waiverOf,
  type StackCheck,
  type Verdict,
} from "./model";

export interface MarkdownOptions {
  /** Findings listed per stack. @default 100, which keeps a report of several stacks within GitHub's comment limit */
  readonly maxFindings?: number;
}

const ICONS: Readonly<Record<Verdict, string>> = {
  fail: "❌ mandatory",
  advisory: "⚠️ advisory",
  waived: "☑️ waived",
  unverifiable: "❔ verify at deploy",
};

export function renderMarkdown(checks: readonly StackCheck[], options: MarkdownOptions = {}): string {
  const limit = options.maxFindings ?? 100;
  const passed = checks.every((c) => c.result.passed);
  const out: string[] = [];
  out.push(`## phiguard HIPAA check: ${passed ? "✅ PASS" : "❌ FAIL"}`, "");
  out.push(
    "| Stack | Verdict | Resources | Rules | Mandatory | Advisory | Waived | Verify at deploy |",
    "|---|---|--:|--:|--:|--:|--:|--:|",
  );
  for (const { result } of checks) {
    const c = countVerdicts(result.findings);
    out.push(
      `| ${cell(stackLabel(result))} | ${result.passed ? "✅ pass" : "❌ fail"} | ${result.plan.resources.length} | ${result.policies.length} | ${c.fail} | ${c.advisory} | ${c.waived} | ${c.unverifiable} |`,
    );
  }
  for (const { result } of checks) {
    const findings = sortByVerdict(result.findings);
    out.push("", `### ${cell(stackLabel(result))}: ${plural(findings.length, "finding")}`, "");
    if (findings.length === 0) {
      out.push(`No findings: every rule that applies passed (${result.plan.source}: ${plural(result.plan.resources.length, "resource")}).`);
      continue;
    }
    const shown = findings.slice(0, limit);
    out.push("| Verdict | Rule | Resource | HIPAA | Message |", "|---|---|---|---|---|");
    for (const f of shown) {
      out.push(`| ${ICONS[verdictOf(f)]} | ${code(f.ruleId)} | ${cell(resourceLabel(f))} | ${cell(f.hipaa.join(", "))} | ${cell(firstLine(f.message))} |`);
    }
    if (findings.length > shown.length) {
      out.push("", `_${findings.length - shown.length} more findings are not listed here; see the SARIF, JSON or HTML report._`);
    }
    out.push("", `<details>`, `<summary>Details of ${plural(shown.length, "finding")}</summary>`, "");
    shown.forEach((f, i) => out.push(...details(f, i + 1), ""));
    out.push(`</details>`);
  }
  return out.join("\n") + "\n";
}

function details(f: Finding, n: number): string[] {
  const waiver = waiverOf(f);
  const lines = [`#### ${n}. ${ICONS[verdictOf(f)]}: ${code(f.ruleId)} on ${cell(resourceLabel(f))}`, "", block(f.message)];
  if (f.remediation) lines.push("", `**Fix:** ${block(f.remediation)}`);
  if (f.hipaa.length > 0) lines.push("", `**HIPAA:** ${f.hipaa.map((p) => cell(`§${p}`)).join(", ")}`);
  if (waiver) {
    lines.push("", `**Waived** until ${cell(waiver.expires)} by ${cell(waiver.approver)}: ${block(waiver.reason)}`);
  }
  if (f.urn) lines.push("", `**URN:** ${code(f.urn)}`);
  return lines;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** HTML special characters as entities (GitHub renders raw HTML in Markdown). */
function html(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Inline text with HTML and the inline Markdown syntax neutralised (emphasis, code, links, table pipes). */
function inline(s: string): string {
  return html(s).replace(/([\\`*_[\]|~])/g, "\\$1");
}

/** A paragraph: inline-escaped, no block syntax at its start, blank lines kept as breaks. */
function block(s: string): string {
  return inline(s.trim())
    .replace(/^(\d+)([.)])/, "$1\\$2")
    .replace(/^([#+=>-])/, "\\$1")
    .replace(/\r?\n\s*\r?\n/g, "<br><br>")
    .replace(/\r?\n/g, " ");
}

/** Text for a table cell: one line, no pipes, no Markdown, no HTML. */
function cell(s: string): string {
  return inline(s.replace(/\s+/g, " ").trim());
}

/** An identifier in monospace, safe in a table cell. */
function code(s: string): string {
  return `<code>${inline(s)}</code>`;
}

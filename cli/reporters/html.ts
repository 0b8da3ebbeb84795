/**
 * The HTML evidence report, for auditors: one self-contained file (inline CSS, JS and SVG; a
 * Content-Security-Policy that forbids every network request) with, per stack, a summary, the
 * HIPAA paragraphs × resources matrix, the findings with their remediation, the waivers, the
 * resource graph, and the pack's coverage of the AWS Config and cdk-nag HIPAA rule sets.
 *
 * Every text from a program, a rule or a waiver is escaped. The output is deterministic: the same
 * checks give the same bytes (it carries a date only when given one).
 */
import { createHash } from "node:crypto";
import { compareStrings, type Finding } from "../../policies/engine/finding";
import type { PhiguardPolicy } from "../../policies/engine/rule";
import { PACK_NAME, PACK_VERSION } from "../../policies/hipaa";
import { compareParagraphs, hipaaParagraph } from "../../policies/hipaa/controls";
import { paragraphCoverage, ruleSetCoverage, RULE_SET_IDS, type RuleSetCoverage, type RuleSetId } from "../../policies/hipaa/coverage";
import type { CheckResult } from "../check";
import { CATEGORY_LABELS, categoryOf, GLOBAL_REGION, renderResourceGraph, type Category } from "./html-graph";
import {
  countVerdicts,
  resourceIndex,
  rulesOf,
  sortByVerdict,
  stackLabel,
  urnName,
  urnType,
  VERDICT_ORDER,
  verdictOf,
  waiverOf,
  type ReportContext,
  type RuleInfo,
  type StackCheck,
  type Verdict,
} from "./model";

/** A matrix cell: the verdicts, plus `pass` (evaluated, nothing found) and `na` (no rule applied). */
export type CellState = Verdict | "pass" | "na";

const CELL_ORDER: readonly CellState[] = [...VERDICT_ORDER, "pass", "na"];
const CELL_SYMBOL: Readonly<Record<CellState, string>> = {
  fail: "✗",
  advisory: "!",
  waived: "W",
  unverifiable: "?",
  pass: "✓",
  na: "·",
};
const CELL_LABEL: Readonly<Record<CellState, string>> = {
  fail: "fail (mandatory)",
  advisory: "advisory finding",
  waived: "waived",
  unverifiable: "cannot be verified until deploy",
  pass: "pass",
  na: "not applicable",
};

const RULE_SET_TITLES: Readonly<Record<RuleSetId, string>> = {
  "aws-config-hipaa": "AWS Config conformance pack “Operational Best Practices for HIPAA Security”",
  "cdk-nag-hipaa": "cdk-nag HIPAA Security rule pack",
};

export function renderHtml(checks: readonly StackCheck[], context: ReportContext = {}): string {
  const passed = checks.every((c) => c.result.passed);
  const title = `HIPAA evidence report: ${checks.map((c) => stackLabel(c.result)).join(", ")}`;
  const body: string[] = [];
  body.push(
    `<header>`,
    `<h1>${esc(title)}</h1>`,
    `<p class="meta">phiguard ${esc(PACK_VERSION)} · pack ${esc(PACK_NAME)}${context.date ? ` · report date ${esc(context.date)}` : ""} · verdict <strong class="verdict ${passed ? "pass" : "fail"}">${passed ? "PASS" : "FAIL"}</strong></p>`,
    `<nav>${checks.map((c, i) => `<a href="#stack-${i}">${esc(stackLabel(c.result))}</a>`).join(" ")} <a href="#coverage">Coverage</a></nav>`,
    `</header>`,
  );
  checks.forEach((check, i) => body.push(stackSection(check, i)));
  body.push(coverageSection(checks[0]?.result.policies ?? []));
  body.push(
    `<footer><p>Generated offline by phiguard from the ${esc([...new Set(checks.map((c) => c.result.plan.source))].join(" / "))} plan. “Cannot be verified until deploy” means a value the rule needs is only known after the resources are created; it is never counted as a pass.</p></footer>`,
  );
  const csp = [
    "default-src 'none'",
    `style-src '${sha256(STYLE)}'`,
    `script-src '${sha256(SCRIPT)}'`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return [
    "<!DOCTYPE html>",
    `<html lang="en">`,
    "<head>",
    `<meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="generator" content="phiguard ${esc(PACK_VERSION)}">`,
    `<link rel="icon" href="data:,">`,
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    ...body,
    `<script>${SCRIPT}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function stackSection(check: StackCheck, index: number): string {
  const { result } = check;
  const id = `stack-${index}`;
  const rules = rulesOf([check]);
  const verdicts = worstVerdicts(result.findings);
  return [
    `<section class="stack" id="${id}">`,
    `<h2>${esc(stackLabel(result))}</h2>`,
    summary(result),
    `<h3 id="${id}-matrix">Controls × resources</h3>`,
    matrix(check, rules, `${id}-matrix-table`),
    `<h3 id="${id}-findings">Findings</h3>`,
    findingsTable(result.findings, `${id}-findings-table`),
    `<h3 id="${id}-waivers">Waivers</h3>`,
    waivers(result.findings),
    `<h3 id="${id}-rules">Rules</h3>`,
    rulesTable(check, rules),
    `<h3 id="${id}-graph">Resource graph</h3>`,
    `<p class="note">Grouped by region, then by parent component; arrows point from a resource to the resources that depend on it.</p>`,
    `<div class="graph-wrap">${renderResourceGraph(result.plan, { verdicts, escape: esc })}</div>`,
    `</section>`,
  ].join("\n");
}

function summary(result: CheckResult): string {
  const c = countVerdicts(result.findings);
  const custom = result.plan.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"));
  const components = result.plan.resources.filter((r) => !r.custom && r.parent !== undefined);
  const regions = [...new Set(custom.map((r) => r.region ?? GLOBAL_REGION))].sort((a, b) =>
    a === GLOBAL_REGION ? 1 : b === GLOBAL_REGION ? -1 : compareStrings(a, b),
  );
  const cards: [string, string | number, string][] = [
    ["Verdict", result.passed ? "PASS" : "FAIL", result.passed ? "pass" : "fail"],
    ["Resources", custom.length, ""],
    ["Components", components.length, ""],
    ["Rules", result.policies.length, ""],
    ["Mandatory", c.fail, c.fail > 0 ? "fail" : ""],
    ["Advisory", c.advisory, c.advisory > 0 ? "advisory" : ""],
    ["Waived", c.waived, c.waived > 0 ? "waived" : ""],
    ["Verify at deploy", c.unverifiable, c.unverifiable > 0 ? "unverifiable" : ""],
  ];
  const categories = Object.keys(CATEGORY_LABELS) as Category[];
  const count = (region: string, category: Category) =>
    custom.filter((r) => (r.region ?? GLOBAL_REGION) === region && categoryOf(r.type) === category).length;
  return [
    `<div class="cards">${cards.map(([k, v, cls]) => `<div class="card ${cls}"><span class="k">${esc(k)}</span><span class="v">${esc(String(v))}</span></div>`).join("")}</div>`,
    `<table class="facts"><tbody>`,
    `<tr><th>Project</th><td>${esc(result.plan.project)}</td></tr>`,
    `<tr><th>Stack</th><td>${esc(result.plan.stack)}</td></tr>`,
    `<tr><th>Plan source</th><td>${esc(planSourceLabel(result.plan.source))}</td></tr>`,
    `<tr><th>Regions</th><td>${esc(regions.join(", ") || "none")}</td></tr>`,
    ...(Object.keys(result.plan.stackTags).length > 0
      ? [`<tr><th>Stack tags</th><td>${esc(Object.entries(result.plan.stackTags).map(([k, v]) => `${k}=${v}`).sort().join(", "))}</td></tr>`]
      : []),
    `</tbody></table>`,
    `<table class="grid"><caption>Resources by region and kind</caption><thead><tr><th>Region</th>${categories.map((c) => `<th>${esc(CATEGORY_LABELS[c])}</th>`).join("")}<th>Total</th></tr></thead><tbody>`,
    ...regions.map(
      (region) =>
        `<tr><th>${esc(region)}</th>${categories.map((c) => `<td class="num">${count(region, c)}</td>`).join("")}<td class="num">${custom.filter((r) => (r.region ?? GLOBAL_REGION) === region).length}</td></tr>`,
    ),
    `</tbody></table>`,
  ].join("\n");
}

function planSourceLabel(source: string): string {
  if (source === "program") return "the program, planned offline (no cloud credentials)";
  if (source === "preview") return "a `pulumi preview --json`";
  if (source === "state") return "a `pulumi stack export` (deployed state)";
  return source;
}

/** HIPAA paragraphs (columns) × resources (rows), each cell the worst outcome of the rules citing it. */
function matrix(check: StackCheck, rules: readonly RuleInfo[], id: string): string {
  const { result } = check;
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const byUrn = resourceIndex(result);
  const STACK = "";
  // (row, rule) → evaluated / findings
  const evaluated = new Set(result.evaluation.evaluated.map((p) => `${p.urn ?? STACK}\u0000${p.ruleId}`));
  const findingsByPair = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const key = `${f.urn ?? STACK}\u0000${f.ruleId}`;
    const list = findingsByPair.get(key);
    if (list) list.push(f);
    else findingsByPair.set(key, [f]);
  }
  const rowKeys = new Set<string>();
  for (const key of [...evaluated, ...findingsByPair.keys()]) rowKeys.add(key.split("\u0000")[0]!);
  const planOrder = new Map(result.plan.resources.map((r, i) => [r.urn, i]));
  const rows = [...rowKeys].sort((a, b) => (a === STACK ? -1 : b === STACK ? 1 : (planOrder.get(a) ?? 1e9) - (planOrder.get(b) ?? 1e9) || compareStrings(a, b)));
  const paragraphs = [...new Set([...evaluated, ...findingsByPair.keys()].flatMap((k) => ruleById.get(k.split("\u0000")[1]!)?.hipaa ?? []))].sort(
    compareParagraphs,
  );
  if (rows.length === 0 || paragraphs.length === 0) return `<p class="empty">No rule applied to any resource of this plan.</p>`;

  const rulesByParagraph = new Map(paragraphs.map((p) => [p, rules.filter((r) => r.hipaa.includes(p)).map((r) => r.id)]));
  const head = paragraphs
    .map((p) => {
      const info = hipaaParagraph(p);
      return `<th class="para" title="${esc(`§${p}${info ? ` ${info.title} (${info.designation})` : ""}`)}"><span>${esc(p)}</span></th>`;
    })
    .join("");
  const body = rows.map((row) => {
    const resource = row === STACK ? undefined : byUrn.get(row);
    const name = row === STACK ? "(stack)" : (resource?.name ?? urnName(row));
    const type = row === STACK ? `${result.plan.project}/${result.plan.stack}` : (resource?.type ?? urnType(row));
    const cells = paragraphs.map((p) => {
      const outcomes: string[] = [];
      let state: CellState = "na";
      for (const ruleId of rulesByParagraph.get(p) ?? []) {
        const key = `${row}\u0000${ruleId}`;
        const findings = findingsByPair.get(key) ?? [];
        let ruleState: CellState | undefined;
        if (findings.length > 0) ruleState = worst(findings.map(verdictOf));
        else if (evaluated.has(key)) ruleState = "pass";
        if (!ruleState) continue;
        outcomes.push(`${ruleId}: ${CELL_LABEL[ruleState]}`);
        if (CELL_ORDER.indexOf(ruleState) < CELL_ORDER.indexOf(state)) state = ruleState;
      }
      const tip = outcomes.length > 0 ? outcomes.join("\n") : "no rule citing this paragraph applies";
      return `<td class="cell ${state}" title="${esc(tip)}">${CELL_SYMBOL[state]}</td>`;
    });
    return `<tr><th class="res" title="${esc(row === STACK ? "stack-level rules" : row)}">${esc(name)}<small>${esc(type)}</small></th>${cells.join("")}</tr>`;
  });
  const legend = CELL_ORDER.map((s) => `<span class="cell ${s}">${CELL_SYMBOL[s]}</span> ${esc(CELL_LABEL[s])}`).join(" ");
  return [
    `<p class="legend">${legend}</p>`,
    `<p><input type="search" class="filter" data-target="${id}" placeholder="Filter resources…" aria-label="Filter the matrix by resource"></p>`,
    `<div class="matrix-wrap"><table class="matrix" id="${id}"><thead><tr><th class="res">Resource</th>${head}</tr></thead><tbody>`,
    ...body,
    `</tbody></table></div>`,
  ].join("\n");
}

function worst(states: readonly CellState[]): CellState {
  return [...states].sort((a, b) => CELL_ORDER.indexOf(a) - CELL_ORDER.indexOf(b))[0] ?? "na";
}

function worstVerdicts(findings: readonly Finding[]): Map<string, Verdict> {
  const out = new Map<string, Verdict>();
  for (const f of findings) {
    if (!f.urn) continue;
    const v = verdictOf(f);
    const prev = out.get(f.urn);
    if (!prev || VERDICT_ORDER.indexOf(v) < VERDICT_ORDER.indexOf(prev)) out.set(f.urn, v);
  }
  return out;
}

function findingsTable(findings: readonly Finding[], id: string): string {
  if (findings.length === 0) return `<p class="empty">No findings: every rule that applies passed.</p>`;
  const rows = sortByVerdict(findings).map((f) => {
    const v = verdictOf(f);
    const waiver = waiverOf(f);
    const resource = f.urn ? `${esc(f.resourceName ?? urnName(f.urn))}<small>${esc(f.resourceType ?? urnType(f.urn))}</small>` : "(stack)";
    return [
      `<tr class="${v}">`,
      `<td><span class="badge ${v}">${esc(CELL_LABEL[v])}</span></td>`,
      `<td><code>${esc(f.ruleId)}</code></td>`,
      `<td class="res"${f.urn ? ` title="${esc(f.urn)}"` : ""}>${resource}</td>`,
      `<td>${esc(f.hipaa.join(", "))}</td>`,
      `<td>${multiline(f.message)}${waiver ? `<p class="waived-note">Waived until ${esc(waiver.expires)} by ${esc(waiver.approver)}: ${esc(waiver.reason)}</p>` : ""}</td>`,
      `<td>${f.remediation ? multiline(f.remediation) : ""}</td>`,
      `</tr>`,
    ].join("");
  });
  return [
    `<p><input type="search" class="filter" data-target="${id}" placeholder="Filter findings…" aria-label="Filter the findings"></p>`,
    `<table class="findings" id="${id}"><thead><tr><th>Verdict</th><th>Rule</th><th>Resource</th><th>HIPAA</th><th>Finding</th><th>Remediation</th></tr></thead><tbody>`,
    ...rows,
    `</tbody></table>`,
  ].join("\n");
}

function waivers(findings: readonly Finding[]): string {
  const applied = new Map<string, { rule: string; resource: string; reason: string; approver: string; expires: string; resources: string[] }>();
  for (const f of findings) {
    const w = waiverOf(f);
    if (!w) continue;
    const key = JSON.stringify([w.rule, w.resource, w.reason, w.approver, w.expires]);
    const entry = applied.get(key) ?? { ...w, resources: [] };
    entry.resources.push(f.resourceName ?? (f.urn ? urnName(f.urn) : "(stack)"));
    applied.set(key, entry);
  }
  const problems = findings.filter((f) => f.ruleId.startsWith("phiguard-waiver-"));
  const out: string[] = [];
  if (applied.size === 0) out.push(`<p class="empty">No finding is waived.</p>`);
  else {
    out.push(
      `<table class="waivers"><thead><tr><th>Rule</th><th>Resource selector</th><th>Reason</th><th>Approver</th><th>Expires</th><th>Findings waived</th></tr></thead><tbody>`,
      ...[...applied.values()]
        .sort((a, b) => compareStrings(a.rule, b.rule) || compareStrings(a.resource, b.resource))
        .map(
          (w) =>
            `<tr><td><code>${esc(w.rule)}</code></td><td><code>${esc(w.resource)}</code></td><td>${esc(w.reason)}</td><td>${esc(w.approver)}</td><td>${esc(w.expires)}</td><td>${esc([...new Set(w.resources)].sort().join(", "))}</td></tr>`,
        ),
      `</tbody></table>`,
    );
  }
  if (problems.length > 0) {
    out.push(
      `<p><strong>Waiver problems</strong> (expired, invalid or unmatched waivers are findings themselves):</p>`,
      `<ul class="problems">${problems.map((f) => `<li><span class="badge ${verdictOf(f)}">${esc(CELL_LABEL[verdictOf(f)])}</span> ${esc(f.message)}</li>`).join("")}</ul>`,
    );
  }
  return out.join("\n");
}

function rulesTable(check: StackCheck, rules: readonly RuleInfo[]): string {
  const { result } = check;
  const evaluatedCount = new Map<string, number>();
  for (const p of result.evaluation.evaluated) evaluatedCount.set(p.ruleId, (evaluatedCount.get(p.ruleId) ?? 0) + 1);
  const findingCount = new Map<string, Finding[]>();
  for (const f of result.findings) findingCount.set(f.ruleId, [...(findingCount.get(f.ruleId) ?? []), f]);
  const rows = rules.map((r) => {
    const fs = findingCount.get(r.id) ?? [];
    const n = evaluatedCount.get(r.id) ?? 0;
    const state: CellState = fs.length > 0 ? worst(fs.map(verdictOf)) : n > 0 ? "pass" : "na";
    return `<tr><td><code>${esc(r.id)}</code></td><td>${esc(r.description)}</td><td>${esc(r.hipaa.join(", "))}</td><td>${esc(r.enforcementLevel)}</td><td class="num">${n}</td><td><span class="badge ${state}">${esc(fs.length > 0 ? `${fs.length} ${CELL_LABEL[state]}` : CELL_LABEL[state])}</span></td></tr>`;
  });
  return [
    `<details><summary>${rules.length} rules (${rules.filter((r) => (evaluatedCount.get(r.id) ?? 0) > 0).length} applied to this plan)</summary>`,
    `<table class="rules"><thead><tr><th>Rule</th><th>Checks</th><th>HIPAA</th><th>Enforcement</th><th>Evaluated on</th><th>Outcome</th></tr></thead><tbody>`,
    ...rows,
    `</tbody></table></details>`,
  ].join("\n");
}

function coverageSection(policies: readonly PhiguardPolicy[]): string {
  const out: string[] = [`<section id="coverage">`, `<h2>Coverage of the HIPAA pack</h2>`];
  out.push(
    `<p class="note">Which rules of the external HIPAA rule sets the ${esc(PACK_NAME)} pack (${policies.length} rules) implements, and why it does not implement the others.</p>`,
  );
  for (const id of RULE_SET_IDS) out.push(ruleSetBlock(ruleSetCoverage(policies, id)));
  const paragraphs = paragraphCoverage(policies);
  out.push(
    `<details><summary>HIPAA Security Rule paragraphs: ${paragraphs.filter((p) => p.rules.length > 0).length} of ${paragraphs.length} cited by at least one rule</summary>`,
    `<table class="paragraphs"><thead><tr><th>Paragraph</th><th>Title</th><th>Designation</th><th>Rules</th></tr></thead><tbody>`,
    ...paragraphs.map(
      (p) =>
        `<tr><td>${esc(p.paragraph)}</td><td>${esc(p.title)}</td><td>${esc(p.designation)}</td><td>${p.rules.length > 0 ? p.rules.map((r) => `<code>${esc(r)}</code>`).join(" ") : `<span class="muted">none (process or account control)</span>`}</td></tr>`,
    ),
    `</tbody></table></details>`,
    `</section>`,
  );
  return out.join("\n");
}

function ruleSetBlock(cov: RuleSetCoverage): string {
  const pct = cov.total === 0 ? 0 : Math.round((cov.covered / cov.total) * 1000) / 10;
  const width = 300;
  const filled = cov.total === 0 ? 0 : Math.round((cov.covered / cov.total) * width);
  return [
    `<h3>${esc(RULE_SET_TITLES[cov.ruleSet])}</h3>`,
    `<p class="coverage-line"><svg class="bar" width="${width}" height="14" viewBox="0 0 ${width} 14" role="img" aria-label="${pct}% covered"><rect class="bar-bg" x="0" y="0" width="${width}" height="14" rx="3"/><rect class="bar-fg" x="0" y="0" width="${filled}" height="14" rx="3"/></svg> <strong>${cov.covered} of ${cov.total}</strong> rules implemented (${pct}%)</p>`,
    `<details><summary>Rule by rule</summary>`,
    `<table class="coverage"><thead><tr><th>${cov.ruleSet === "aws-config-hipaa" ? "AWS Config rule" : "cdk-nag rule"}</th><th>phiguard rules</th><th>Not implemented because</th></tr></thead><tbody>`,
    ...cov.rules.map(
      (r) =>
        `<tr class="${r.covered ? "covered" : "uncovered"}"><td><code>${esc(r.id)}</code></td><td>${r.rules.map((x) => `<code>${esc(x)}</code>`).join(" ")}</td><td>${r.covered ? "" : esc(`${r.category ? `${r.category}: ` : ""}${r.reason ?? "no reason recorded"}`)}</td></tr>`,
    ),
    `</tbody></table></details>`,
  ].join("\n");
}

function multiline(text: string): string {
  return text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((p) => `<p>${esc(p)}</p>`)
    .join("");
}

/** Escapes text for HTML element content and double- or single-quoted attributes. */
export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function sha256(text: string): string {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}

const STYLE = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;
--pass:#1a7f37;--pass-bg:#dafbe1;--fail:#cf222e;--fail-bg:#ffebe9;--advisory:#9a6700;--advisory-bg:#fff8c5;
--waived:#8250df;--waived-bg:#fbefff;--unverifiable:#0969da;--unverifiable-bg:#ddf4ff;--na:#8c959f;--na-bg:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;padding:24px 32px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:24px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:16px;margin:24px 0 8px}
.meta,.note,.muted{color:var(--muted)}nav a{margin-right:12px}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--soft);padding:1px 4px;border-radius:4px}
small{display:block;color:var(--muted);font-size:11px;word-break:break-all}
table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
thead th{background:var(--soft)}td.num{text-align:right}caption{text-align:left;color:var(--muted);padding:4px 0}
td p,li p{margin:0 0 4px}
.cards{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0 16px}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 12px;min-width:110px}
.card .k{display:block;color:var(--muted);font-size:12px}.card .v{font-size:20px;font-weight:600}
.card.pass .v,.verdict.pass{color:var(--pass)}.card.fail .v,.verdict.fail{color:var(--fail)}.card.advisory .v{color:var(--advisory)}
.card.waived .v{color:var(--waived)}.card.unverifiable .v{color:var(--unverifiable)}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;white-space:nowrap}
.badge.fail,.cell.fail{background:var(--fail-bg);color:var(--fail)}.badge.advisory,.cell.advisory{background:var(--advisory-bg);color:var(--advisory)}
.badge.waived,.cell.waived{background:var(--waived-bg);color:var(--waived)}.badge.unverifiable,.cell.unverifiable{background:var(--unverifiable-bg);color:var(--unverifiable)}
.badge.pass,.cell.pass{background:var(--pass-bg);color:var(--pass)}.badge.na,.cell.na{background:var(--na-bg);color:var(--na)}
.legend .cell{display:inline-block;width:20px;text-align:center;border-radius:3px;margin-left:8px}
.matrix-wrap,.graph-wrap{overflow:auto;max-width:100%;border:1px solid var(--line);border-radius:6px}
.matrix{margin:0}.matrix td.cell{text-align:center;font-weight:600;min-width:28px;padding:2px}
.matrix th.para{height:150px;white-space:nowrap;vertical-align:bottom;padding:4px 2px}
.matrix th.para span{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:500;font-size:12px}
.matrix th.res{position:sticky;left:0;background:var(--bg);min-width:220px;max-width:320px;font-weight:500}
table.findings td:nth-child(5),table.findings td:nth-child(6){min-width:260px}
.waived-note{color:var(--waived)}
.graph{display:block;font:11px system-ui,sans-serif}
.graph .region rect{fill:#f6f8fa;stroke:#8c959f;stroke-dasharray:4 3}.graph .region-label{font-size:14px;font-weight:600;fill:#1f2328}
.graph .component rect{fill:#fff;stroke:#d1d9e0}.graph .component-label{fill:#59636e;font-size:11px}
.graph .node rect{stroke:#57606a;stroke-width:1}.graph .node text{fill:#1f2328}
.graph .cat-network rect{fill:#ddf4ff}.graph .cat-store rect{fill:#dafbe1}.graph .cat-key rect{fill:#fff8c5}
.graph .cat-audit rect{fill:#fbefff}.graph .cat-identity rect{fill:#ffeff7}.graph .cat-compute rect{fill:#fff1e5}.graph .cat-other rect{fill:#f6f8fa}
.graph .verdict-fail rect{stroke:#cf222e;stroke-width:2.5}.graph .verdict-advisory rect{stroke:#9a6700;stroke-width:2}
.graph .edges path{fill:none;stroke:#57606a;stroke-opacity:.35;stroke-width:1}.graph .arrowhead{fill:#57606a;fill-opacity:.6}
.bar-bg{fill:var(--soft);stroke:var(--line)}.bar-fg{fill:var(--pass)}.coverage-line svg{vertical-align:middle}
tr.uncovered td:first-child code{color:var(--muted)}
input.filter{font:inherit;padding:4px 8px;width:320px;max-width:100%;border:1px solid var(--line);border-radius:6px}
details{margin:8px 0}summary{cursor:pointer;color:var(--muted)}
footer{margin-top:40px;color:var(--muted);font-size:12px}
@media print{input.filter{display:none}.matrix-wrap,.graph-wrap{overflow:visible;border:0}details{display:block}}
`;

const SCRIPT = `
(function () {
  var inputs = document.querySelectorAll("input.filter");
  Array.prototype.forEach.call(inputs, function (input) {
    var table = document.getElementById(input.getAttribute("data-target"));
    if (!table) return;
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        row.hidden = q !== "" && row.textContent.toLowerCase().indexOf(q) === -1;
      });
    });
  });
})();
`;

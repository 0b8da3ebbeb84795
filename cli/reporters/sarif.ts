/**
 * SARIF 2.1.0, for code scanning (GitHub `upload-sarif`, Azure DevOps, IDE viewers): one run per
 * stack, every rule's metadata in `tool.driver.rules` (HIPAA paragraphs as tags), one result per
 * finding located at the program line that declared the resource, waived findings as accepted
 * suppressions, and fingerprints that survive line moves.
 *
 * Levels: mandatory → `error`, advisory → `warning`, cannot be verified until deploy → `note`.
 */
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import type * as Sarif from "sarif";
import { PACK_NAME, PACK_VERSION } from "../../policies/hipaa";
import { sortFindings, type Finding } from "../../policies/engine/finding";
import {
  declaredAt,
  defaultBaseDir,
  firstSentence,
  relativePath,
  resourceLabel,
  rulesOf,
  waiverOf,
  type ReportContext,
  type RuleInfo,
  type StackCheck,
} from "./model";

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

/** The `uriBaseId` of every location: the repository root (or the current directory). */
export const SRCROOT = "%SRCROOT%";

export function renderSarif(checks: readonly StackCheck[], context: ReportContext = {}): string {
  const baseDir = context.baseDir ?? defaultBaseDir();
  const rules = rulesOf(checks);
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: checks.map((check) => run(check, rules, baseDir)),
  };
  return JSON.stringify(log, null, 2) + "\n";
}

function run(check: StackCheck, rules: readonly RuleInfo[], baseDir: string): Sarif.Run {
  const { result } = check;
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  return {
    tool: {
      driver: {
        name: "phiguard",
        fullName: `phiguard HIPAA policy gate (${PACK_NAME})`,
        version: PACK_VERSION,
        semanticVersion: PACK_VERSION,
        rules: rules.map(ruleDescriptor),
      },
    },
    automationDetails: { id: `phiguard/${result.plan.project}/${result.plan.stack}/` },
    originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(baseDir) } },
    columnKind: "utf16CodeUnits",
    invocations: [{ executionSuccessful: true }],
    results: sortFindings(result.findings).map((f) => resultOf(check, f, ruleIndex, baseDir)),
    properties: {
      project: result.plan.project,
      stack: result.plan.stack,
      planSource: result.plan.source,
      resources: result.plan.resources.length,
      passed: result.passed,
    },
  };
}

function ruleDescriptor(rule: RuleInfo): Sarif.ReportingDescriptor {
  const help = rule.remediation || "See the rule's description.";
  const controls = rule.controls
    ? Object.entries(rule.controls)
        .filter(([, ids]) => ids && ids.length > 0)
        .map(([tool, ids]) => `${tool}: ${(ids as readonly string[]).join(", ")}`)
    : [];
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: firstSentence(rule.description) || rule.id },
    fullDescription: { text: rule.description || rule.id },
    help: {
      text: help,
      markdown: [
        `**Remediation:** ${help}`,
        rule.hipaa.length > 0 ? `**HIPAA:** ${rule.hipaa.map((p) => `§${p}`).join(", ")}` : "",
        controls.length > 0 ? `**Equivalent checks:** ${controls.join("; ")}` : "",
      ]
        .filter(Boolean)
        .join("\n\n"),
    },
    defaultConfiguration: { level: levelOfEnforcement(rule.enforcementLevel) },
    properties: {
      tags: ["security", "hipaa", ...rule.hipaa],
      hipaa: [...rule.hipaa],
      enforcementLevel: rule.enforcementLevel,
      precision: "high",
      // GitHub code scanning ranks security alerts by this score (critical ≥ 9, high ≥ 7, medium ≥ 4).
      "security-severity": rule.enforcementLevel === "mandatory" ? "8.0" : "5.0",
    },
  };
}

function resultOf(check: StackCheck, f: Finding, ruleIndex: Map<string, number>, baseDir: string): Sarif.Result {
  const waiver = waiverOf(f);
  const where = declaredAt(check, f.urn);
  const res: Sarif.Result = {
    ruleId: f.ruleId,
    ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId)! } : {}),
    level: levelOf(f),
    message: { text: `${resourceLabel(f)}: ${f.message.trim()}` },
    locations: [
      {
        ...(where ? { physicalLocation: physicalLocation(where, baseDir) } : {}),
        logicalLocations: [
          f.urn
            ? { name: f.resourceName ?? f.urn, fullyQualifiedName: f.urn, kind: "resource" }
            : { name: check.result.plan.stack, fullyQualifiedName: `${check.result.plan.project}/${check.result.plan.stack}`, kind: "stack" },
        ],
      },
    ],
    partialFingerprints: { "phiguardFinding/v1": fingerprint(f) },
    properties: {
      hipaa: [...f.hipaa],
      enforcementLevel: f.level,
      kind: f.kind,
      ...(f.urn ? { urn: f.urn } : {}),
      ...(f.resourceType ? { resourceType: f.resourceType } : {}),
      ...(f.remediation ? { remediation: f.remediation } : {}),
    },
  };
  if (waiver) {
    res.suppressions = [
      {
        kind: "external",
        status: "accepted",
        justification: waiver.reason,
        properties: { approver: waiver.approver, expires: waiver.expires, rule: waiver.rule, resource: waiver.resource },
      },
    ];
  }
  return res;
}

/** mandatory → error, advisory → warning; a finding that cannot be verified until deploy → note. */
export function levelOf(f: Finding): Sarif.Result.level {
  if (f.kind !== "violation") return f.level === "mandatory" ? "error" : "note";
  return f.level === "mandatory" ? "error" : "warning";
}

function levelOfEnforcement(level: string): Sarif.ReportingConfiguration.level {
  return level === "mandatory" || level === "remediate" ? "error" : level === "disabled" ? "none" : "warning";
}

function physicalLocation(where: { file: string; line?: number; column?: number }, baseDir: string): Sarif.PhysicalLocation {
  const rel = relativePath(baseDir, where.file);
  return {
    artifactLocation: rel !== undefined ? { uri: encodeUriPath(rel), uriBaseId: SRCROOT } : { uri: fileUri(where.file) },
    ...(where.line && where.line > 0
      ? { region: { startLine: where.line, ...(where.column && where.column > 0 ? { startColumn: where.column } : {}) } }
      : {}),
  };
}

/**
 * Stable across runs, machines and line moves: the rule, the resource's URN and the message (the
 * same finding keeps its alert; a different problem on the same resource gets its own).
 */
export function fingerprint(f: Finding): string {
  return createHash("sha256")
    .update([f.ruleId, f.urn ?? "", f.kind, f.message.trim()].join("\u0000"))
    .digest("hex")
    .slice(0, 32);
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}

function encodeUriPath(rel: string): string {
  return rel.split("/").map(encodeURIComponent).join("/");
}

function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

function directoryUri(dir: string): string {
  const uri = fileUri(dir);
  return uri.endsWith("/") ? uri : uri + "/";
}

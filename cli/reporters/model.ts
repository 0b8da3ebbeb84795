/**
 * What the reporters beyond text and JSON share: the checks they report on (one per stack), the
 * verdict of each finding, the metadata of every rule a report mentions, and where a resource was
 * declared in the program.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { CheckResult } from "../check";
import type { PlannedResource } from "../plan";
import { compareFindings, compareStrings, type Finding } from "../../policies/engine/finding";
import type { PhiguardPolicy } from "../../policies/engine/rule";
import type { AppliedWaiver, ReportedFinding } from "../../policies/engine/waivers";
import { REMOTE_COMPONENT_RULE_ID } from "../../policies/engine/remote";

/** One stack's check, with what a reporter needs to point back at files. */
export interface StackCheck {
  readonly result: CheckResult;
  /** The Pulumi project directory that was planned (absent when gating a `--plan` file). */
  readonly projectDir?: string;
  /** The preview/state/plan file that was gated, when one was. */
  readonly planFile?: string;
}

export interface ReportContext {
  /** File paths in reports are relative to this directory. @default the repository root above the current directory, else the current directory */
  readonly baseDir?: string;
  /** ISO date (`YYYY-MM-DD` or a full timestamp) shown in the report. @default none: reports carry no date unless given one */
  readonly date?: string;
}

/** A finding as the reporters see it: possibly waived. */
export type ReportFinding = ReportedFinding;

/** The waiver of a waived finding. */
export function waiverOf(finding: Finding): AppliedWaiver | undefined {
  return (finding as ReportedFinding).waiver;
}

/**
 * The verdict of a finding, from worst to mildest:
 * - `fail`: a mandatory violation no waiver covers (blocks the change);
 * - `advisory`: an advisory violation;
 * - `waived`: a violation a valid waiver covers;
 * - `unverifiable`: cannot be verified until deploy (unknown values, remote components).
 */
export type Verdict = "fail" | "advisory" | "waived" | "unverifiable";

export function verdictOf(finding: Finding): Verdict {
  if (waiverOf(finding)) return "waived";
  if (finding.kind !== "violation") return finding.level === "mandatory" ? "fail" : "unverifiable";
  return finding.level === "mandatory" ? "fail" : "advisory";
}

export const VERDICT_ORDER: readonly Verdict[] = ["fail", "advisory", "waived", "unverifiable"];

export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  fail: "mandatory",
  advisory: "advisory",
  waived: "waived",
  unverifiable: "unverifiable",
};

/** Findings sorted worst verdict first, then by rule, resource and message. */
export function sortByVerdict<T extends Finding>(findings: readonly T[]): T[] {
  return [...findings].sort(
    (a, b) => VERDICT_ORDER.indexOf(verdictOf(a)) - VERDICT_ORDER.indexOf(verdictOf(b)) || compareFindings(a, b),
  );
}

export interface VerdictCounts {
  readonly fail: number;
  readonly advisory: number;
  readonly waived: number;
  readonly unverifiable: number;
}

export function countVerdicts(findings: readonly Finding[]): VerdictCounts {
  const counts = { fail: 0, advisory: 0, waived: 0, unverifiable: 0 };
  for (const f of findings) counts[verdictOf(f)]++;
  return counts;
}

/** What a report says about a rule. */
export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  readonly remediation: string;
  readonly hipaa: readonly string[];
  readonly enforcementLevel: string;
  readonly controls?: PhiguardPolicy["controls"];
}

const BUILT_IN_RULES: Readonly<Record<string, { description: string; enforcementLevel: string }>> = {
  [REMOTE_COMPONENT_RULE_ID]: {
    description:
      "Multi-language (remote) components register their children inside a provider plugin, so an offline plan cannot see them; gate on a real preview instead.",
    enforcementLevel: "advisory",
  },
  "phiguard-waiver-expired": { description: "A waiver in phiguard.yaml has expired; it waives nothing.", enforcementLevel: "mandatory" },
  "phiguard-waiver-invalid": {
    description: "A waiver in phiguard.yaml lacks a real reason, an approver or a valid expiry date; it waives nothing.",
    enforcementLevel: "mandatory",
  },
  "phiguard-waiver-unmatched": { description: "A waiver in phiguard.yaml matches no finding.", enforcementLevel: "advisory" },
};

/**
 * Every rule the checks evaluated, plus any rule a finding names that is not a policy (phiguard's
 * built-in remote-component and waiver rules), sorted by ID.
 */
export function rulesOf(checks: readonly StackCheck[]): RuleInfo[] {
  const rules = new Map<string, RuleInfo>();
  for (const { result } of checks) {
    for (const p of result.policies) {
      if (rules.has(p.name)) continue;
      rules.set(p.name, {
        id: p.name,
        description: p.description ?? p.name,
        remediation: p.remediation,
        hipaa: [...p.hipaa],
        enforcementLevel: result.config.enforcement?.[p.name] ?? result.config.enforcement?.all ?? p.enforcementLevel ?? "advisory",
        ...(p.controls ? { controls: p.controls } : {}),
      });
    }
  }
  for (const { result } of checks) {
    for (const f of result.findings) {
      if (rules.has(f.ruleId)) continue;
      const builtIn = BUILT_IN_RULES[f.ruleId];
      rules.set(f.ruleId, {
        id: f.ruleId,
        description: builtIn?.description ?? firstLine(f.message),
        remediation: f.remediation ?? "",
        hipaa: [...f.hipaa],
        enforcementLevel: builtIn?.enforcementLevel ?? f.level,
      });
    }
  }
  return [...rules.values()].sort((a, b) => compareStrings(a.id, b.id));
}

export function firstLine(text: string): string {
  return (text.split("\n").find((l) => l.trim() !== "") ?? "").trim();
}

/** The first sentence of a description (for short descriptions and table cells). */
export function firstSentence(text: string): string {
  const line = firstLine(text);
  const m = /^(.+?[.!?])(\s|$)/.exec(line);
  return m ? m[1]! : line;
}

/** `type "name"` of the finding's resource, or `(stack)`. */
export function resourceLabel(finding: Pick<Finding, "urn" | "resourceType" | "resourceName">): string {
  if (!finding.urn) return "(stack)";
  const name = finding.resourceName ?? finding.urn.slice(finding.urn.lastIndexOf("::") + 2);
  return finding.resourceType ? `${finding.resourceType} "${name}"` : `"${name}"`;
}

/** The name part of a URN. */
export function urnName(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}

/** The type part of a URN (the last type of the parent chain). */
export function urnType(urn: string): string {
  const parts = urn.split("::");
  const types = parts[2] ?? "";
  return types.slice(types.lastIndexOf("$") + 1);
}

/** Where a resource was declared, as a file and line a person (or GitHub) can open. */
export interface DeclaredAt {
  /** Absolute path. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/**
 * Where to point for a resource: the line of the program (a file of the project, outside
 * node_modules) that declared it or, for a child of a component, the nearest ancestor the program
 * declared; else the resource's own recorded source if that file exists; else the project's
 * Pulumi.yaml; else the gated plan file.
 */
export function declaredAt(check: StackCheck, urn: string | undefined): DeclaredAt | undefined {
  const byUrn = resourceIndex(check.result);
  const projectDir = check.projectDir ? path.resolve(check.projectDir) + path.sep : undefined;
  const inProgram = (file: string) =>
    projectDir !== undefined && file.startsWith(projectDir) && !file.includes(`${path.sep}node_modules${path.sep}`);
  const own = urn ? byUrn.get(urn) : undefined;
  for (let r: PlannedResource | undefined = own; r; r = r.parent ? byUrn.get(r.parent) : undefined) {
    if (!r.source) continue;
    const file = programFile(r.source.file, projectDir);
    if (file && inProgram(file)) return { file, line: r.source.line, column: r.source.column };
  }
  if (own?.source && fs.existsSync(own.source.file)) {
    return { file: path.resolve(own.source.file), line: own.source.line, column: own.source.column };
  }
  if (check.projectDir) {
    const project = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(path.resolve(check.projectDir!), f)).find((f) => fs.existsSync(f));
    if (project) return { file: project };
  }
  if (check.planFile) return { file: path.resolve(check.planFile) };
  return undefined;
}

/**
 * The program file a recorded source names. When that path does not exist but the project holds a
 * file with the same trailing path (a source map resolved against the wrong directory), that file.
 */
function programFile(recorded: string, projectDir: string | undefined): string | undefined {
  const file = path.resolve(recorded);
  if (fs.existsSync(file) || projectDir === undefined) return file;
  const parts = file.split(path.sep).filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const candidate = path.join(projectDir, ...parts.slice(i));
    if (fs.existsSync(candidate)) return candidate;
  }
  return file;
}

const indexes = new WeakMap<CheckResult, Map<string, PlannedResource>>();

export function resourceIndex(result: CheckResult): Map<string, PlannedResource> {
  let index = indexes.get(result);
  if (!index) {
    index = new Map(result.plan.resources.map((r) => [r.urn, r]));
    indexes.set(result, index);
  }
  return index;
}

/** The repository root above `dir` (the nearest directory holding `.git`), else `dir`. */
export function defaultBaseDir(dir: string = process.cwd()): string {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, ".git"))) return d;
    if (path.dirname(d) === d) return path.resolve(dir);
  }
}

/** `file` relative to `base` with forward slashes, or undefined when it lies outside `base`. */
export function relativePath(base: string, file: string): string | undefined {
  const rel = path.relative(base, file);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join("/");
}

/** A display name for a check: `project/stack`. */
export function stackLabel(result: CheckResult): string {
  return `${result.plan.project}/${result.plan.stack}`;
}

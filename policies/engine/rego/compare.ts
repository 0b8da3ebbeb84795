/**
 * `phiguard check --engine both`: the TypeScript and Rego engines must agree on every rule the
 * Rego pack implements. A disagreement is itself an error, since one engine is wrong.
 */
import { PhiguardError } from "../../../cli/errors";
import { compareStrings, type Finding, type FindingKind, type FindingLevel } from "../finding";

export interface EngineDisagreement {
  readonly ruleId: string;
  /** Absent for a stack-level finding without a resource. */
  readonly urn?: string;
  readonly kind: FindingKind;
  readonly level: FindingLevel;
  readonly message: string;
  /** The engine that reported this finding; the other did not (as many times). */
  readonly onlyIn: "ts" | "rego";
}

export interface CompareOptions {
  /** Also require identical messages. @default true */
  readonly messages?: boolean;
}

/**
 * The findings of the rules in `regoRuleIds` that only one engine reported, compared as multisets
 * on rule, resource, kind, level (and message unless `messages: false`); sorted by rule, resource,
 * kind. Findings of other rules (which only the TypeScript engine evaluates) are ignored.
 */
export function compareEngines(
  tsFindings: readonly Finding[],
  regoFindings: readonly Finding[],
  regoRuleIds: Iterable<string>,
  options: CompareOptions = {},
): EngineDisagreement[] {
  const ids = new Set(regoRuleIds);
  const messages = options.messages !== false;
  const keyOf = (f: Finding) => JSON.stringify([f.ruleId, f.urn ?? "", f.kind, f.level, messages ? f.message : ""]);
  const count = (findings: readonly Finding[]) => {
    const counts = new Map<string, { finding: Finding; n: number }>();
    for (const f of findings) {
      if (!ids.has(f.ruleId)) continue;
      const key = keyOf(f);
      const entry = counts.get(key);
      if (entry) entry.n++;
      else counts.set(key, { finding: f, n: 1 });
    }
    return counts;
  };
  const ts = count(tsFindings);
  const rego = count(regoFindings);
  const out: EngineDisagreement[] = [];
  const add = (mine: typeof ts, theirs: typeof ts, onlyIn: "ts" | "rego") => {
    for (const [key, { finding, n }] of mine) {
      const extra = n - (theirs.get(key)?.n ?? 0);
      for (let i = 0; i < extra; i++) {
        out.push({
          ruleId: finding.ruleId,
          ...(finding.urn !== undefined ? { urn: finding.urn } : {}),
          kind: finding.kind,
          level: finding.level,
          message: finding.message,
          onlyIn,
        });
      }
    }
  };
  add(ts, rego, "ts");
  add(rego, ts, "rego");
  return out.sort(
    (a, b) =>
      compareStrings(a.ruleId, b.ruleId) ||
      compareStrings(a.urn, b.urn) ||
      compareStrings(a.kind, b.kind) ||
      compareStrings(a.onlyIn, b.onlyIn) ||
      compareStrings(a.message, b.message),
  );
}

/** One line per disagreement: `rule k8s-no-host-ports on <urn>: violation (mandatory) only in ts: <message>`. */
export function describeDisagreement(d: EngineDisagreement): string {
  const where = d.urn ? ` on ${d.urn}` : " on the stack";
  const message = d.message.split("\n").pop() ?? "";
  return `rule ${d.ruleId}${where}: ${d.kind} (${d.level}) only in the ${d.onlyIn === "ts" ? "TypeScript" : "Rego"} engine: ${message}`;
}

/** Throws a one-line `PhiguardError` naming the first disagreements (rule and resource). */
export function assertEnginesAgree(
  tsFindings: readonly Finding[],
  regoFindings: readonly Finding[],
  regoRuleIds: Iterable<string>,
  options: CompareOptions = {},
): void {
  const disagreements = compareEngines(tsFindings, regoFindings, regoRuleIds, options);
  if (disagreements.length === 0) return;
  const shown = disagreements.slice(0, 3).map(describeDisagreement).join("; ");
  const more = disagreements.length > 3 ? `; and ${disagreements.length - 3} more` : "";
  throw new PhiguardError(`the TypeScript and Rego engines disagree (${disagreements.length}): ${shown}${more}`);
}

/**
 * Waivers: documented, approved, expiring exceptions to a rule for some resources, kept in
 * `phiguard.yaml`. A waived finding stays in every report, marked with its waiver; a waiver that
 * expired, lacks a real reason or approver, or matches nothing is reported as a finding itself.
 */
import { z } from "zod";
import { PhiguardError } from "../../cli/errors";
import { sortFindings, type Finding } from "./finding";

export const WAIVER_EXPIRED_RULE_ID = "phiguard-waiver-expired";
export const WAIVER_INVALID_RULE_ID = "phiguard-waiver-invalid";
export const WAIVER_UNMATCHED_RULE_ID = "phiguard-waiver-unmatched";
export const WAIVER_RULE_IDS: readonly string[] = [WAIVER_EXPIRED_RULE_ID, WAIVER_INVALID_RULE_ID, WAIVER_UNMATCHED_RULE_ID];

/** The shortest reason accepted, in characters (after trimming). */
export const MIN_REASON_LENGTH = 20;

/** A waiver as written in `phiguard.yaml`. */
export interface Waiver {
  /** The rule ID (policy name) the waiver applies to. */
  readonly rule: string;
  /** A full URN, a resource name, or a glob over URN or name where `*` matches any characters. */
  readonly resource: string;
  /** Why the finding is acceptable, for an auditor: at least 20 characters, not a placeholder. */
  readonly reason?: string;
  /** Who accepted the risk. */
  readonly approver?: string;
  /** The last day the waiver applies, `YYYY-MM-DD` (UTC). */
  readonly expires?: string;
}

/** What a waived finding carries. */
export interface AppliedWaiver {
  readonly rule: string;
  readonly resource: string;
  readonly reason: string;
  readonly approver: string;
  readonly expires: string;
}

/** A finding as reported: waived findings carry their waiver. */
export interface ReportedFinding extends Finding {
  readonly waiver?: AppliedWaiver;
}
export type WaivedFinding = ReportedFinding & { readonly waiver: AppliedWaiver };

const dateText = z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));

/** One waiver entry. Only its shape is checked here; reason, approver and expiry are judged by `applyWaivers`. */
export const waiverEntrySchema = z.strictObject({
  rule: z.string().trim().min(1, "rule must name a rule ID"),
  resource: z.string().trim().min(1, "resource must be a URN, a resource name or a glob"),
  reason: z.string().optional(),
  approver: z.string().optional(),
  expires: dateText.optional(),
});

/** The `waivers` list of `phiguard.yaml`. */
export const waiverSchema = z.array(waiverEntrySchema);

export function isWaived(finding: ReportedFinding): finding is WaivedFinding {
  return finding.waiver !== undefined;
}

/** Mandatory findings that no waiver covers: what fails a run. */
export function blockingFindings(findings: readonly ReportedFinding[]): ReportedFinding[] {
  return findings.filter((f) => f.level === "mandatory" && !isWaived(f));
}

const PLACEHOLDERS = /^(todo|tbd|tba|fixme|xxx+|n\/?a|none|null|nil|no reason|placeholder|temp|temporary|test(ing)?|wip|later|fix later|will fix( later)?|lorem ipsum.*|asdf.*|-+|\.+|\?+)$/;

/** Why a reason is not one, or undefined when it is acceptable. */
export function reasonProblem(reason: string | undefined): string | undefined {
  const text = (reason ?? "").trim();
  if (text === "") return "has no reason";
  const normalized = text.toLowerCase().replace(/[\s.!_]+$/g, "").replace(/\s+/g, " ");
  if (PLACEHOLDERS.test(normalized) || /^(todo|tbd|fixme|xxx)\b/.test(normalized)) return `has a placeholder reason ('${text}')`;
  if (text.length < MIN_REASON_LENGTH) return `has a reason of ${text.length} characters ('${text}'); at least ${MIN_REASON_LENGTH} are needed`;
  if (new Set(normalized.replace(/[^a-z0-9]/g, "")).size < 5) return `has a reason that says nothing ('${text}')`;
  return undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

function todayText(today: Date | string): string {
  if (typeof today === "string") {
    if (!isIsoDate(today)) throw new PhiguardError(`today is '${today}'; expected a date written YYYY-MM-DD`);
    return today;
  }
  return today.toISOString().slice(0, 10);
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}$`);
}

/** Whether a selector (URN, name or `*` glob over either) picks the finding's resource. */
export function selectorMatches(selector: string, finding: Pick<Finding, "urn" | "resourceName">): boolean {
  const candidates = [finding.urn ?? "", finding.resourceName ?? (finding.urn ? (finding.urn.split("::").pop() ?? "") : "")];
  if (!selector.includes("*")) return candidates.some((c) => c !== "" && c === selector);
  const re = globToRegExp(selector);
  return candidates.some((c) => re.test(c));
}

export type WaiverVerdict =
  | { readonly status: "active"; readonly waiver: AppliedWaiver }
  | { readonly status: "expired"; readonly waiver: AppliedWaiver }
  | { readonly status: "invalid"; readonly problems: readonly string[] };

/**
 * Judges one waiver on a day (`YYYY-MM-DD`): invalid (no real reason, no approver, no or a bad
 * expiry date), expired (its expiry day is past), or active. Does not check the rule ID.
 */
export function judgeWaiver(w: Waiver, day: string): WaiverVerdict {
  const problems: string[] = [];
  const reason = reasonProblem(w.reason);
  if (reason) problems.push(reason);
  const approver = (w.approver ?? "").trim();
  if (approver === "" || PLACEHOLDERS.test(approver.toLowerCase())) problems.push("has no approver");
  const expires = (w.expires ?? "").trim();
  if (expires === "") problems.push("has no expiry date");
  else if (!isIsoDate(expires)) problems.push(`has expiry '${expires}', which is not a date written YYYY-MM-DD`);
  if (problems.length > 0) return { status: "invalid", problems };
  const waiver: AppliedWaiver = { rule: w.rule, resource: w.resource, reason: (w.reason ?? "").trim(), approver, expires };
  return { status: expires < day ? "expired" : "active", waiver };
}

/** `YYYY-MM-DD` of a Date (UTC), or the text itself once checked. */
export function dayOf(today: Date | string): string {
  return todayText(today);
}

/** The finding for a waiver that is not valid (`where` names it, e.g. `waivers[2] (rule ..., resource ...)`). */
export function invalidWaiverFinding(where: string, problems: readonly string[]): ReportedFinding {
  return waiverFinding(
    WAIVER_INVALID_RULE_ID,
    "mandatory",
    `${where} ${problems.join(", ")}; it waives nothing.`,
    "Give the waiver a reason an auditor can follow (at least 20 characters), the approver's name and an expiry date (YYYY-MM-DD), or remove it.",
  );
}

/** The finding for a waiver past its expiry day. */
export function expiredWaiverFinding(where: string, waiver: AppliedWaiver): ReportedFinding {
  return waiverFinding(
    WAIVER_EXPIRED_RULE_ID,
    "mandatory",
    `${where} expired on ${waiver.expires} (approved by ${waiver.approver}); it waives nothing.`,
    "Fix the findings it covered, or renew the waiver with a new approval and expiry date.",
  );
}

/** The finding for a valid waiver that matched no finding. */
export function unmatchedWaiverFinding(where: string): ReportedFinding {
  return waiverFinding(
    WAIVER_UNMATCHED_RULE_ID,
    "advisory",
    `${where} matches no finding; the resource may be fixed, renamed or gone.`,
    "Remove the waiver, or correct its resource selector (a full URN, a resource name, or a glob with `*`).",
  );
}

/** How a waiver is named in messages. */
export function describeWaiver(index: number, w: Pick<Waiver, "rule" | "resource">): string {
  return `waivers[${index}] (rule '${w.rule}', resource '${w.resource}')`;
}

function waiverFinding(ruleId: string, level: Finding["level"], message: string, remediation: string): ReportedFinding {
  return {
    ruleId,
    level,
    kind: "violation",
    message,
    // A waiver is a documented risk acceptance (risk management).
    hipaa: ["164.308(a)(1)(ii)(B)"],
    remediation,
  };
}

/**
 * Marks the findings that valid, unexpired waivers cover, and reports expired, invalid and unmatched
 * waivers as findings of their own. Returns every finding (waived ones included), sorted.
 *
 * @param knownRuleIds every rule ID a waiver may name (the evaluated rules and phiguard's built-in ones)
 * @param today the date waivers are judged on; a waiver applies through its `expires` day (UTC)
 * @throws PhiguardError when a waiver names a rule that is not in `knownRuleIds`
 */
export function applyWaivers(
  findings: readonly Finding[],
  waivers: readonly Waiver[],
  knownRuleIds: Iterable<string>,
  today: Date | string,
): ReportedFinding[] {
  const known = new Set(knownRuleIds);
  const day = todayText(today);
  waivers.forEach((w, i) => {
    if (!known.has(w.rule)) {
      throw new PhiguardError(
        `${describeWaiver(i, w)} names rule '${w.rule}', which is not in the rule set; expected one of the rule IDs that \`phiguard controls\` lists`,
      );
    }
  });

  const active: { index: number; waiver: AppliedWaiver; used: boolean }[] = [];
  const out: ReportedFinding[] = [];
  waivers.forEach((w, i) => {
    const verdict = judgeWaiver(w, day);
    if (verdict.status === "invalid") out.push(invalidWaiverFinding(describeWaiver(i, w), verdict.problems));
    else if (verdict.status === "expired") out.push(expiredWaiverFinding(describeWaiver(i, w), verdict.waiver));
    else active.push({ index: i, used: false, waiver: verdict.waiver });
  });

  for (const finding of findings) {
    const matches = active.filter((a) => a.waiver.rule === finding.ruleId && selectorMatches(a.waiver.resource, finding));
    for (const m of matches) m.used = true;
    const first = matches[0];
    if (first) {
      out.push({ ...finding, waiver: first.waiver });
    } else {
      out.push(finding);
    }
  }

  for (const a of active) {
    if (!a.used) out.push(unmatchedWaiverFinding(describeWaiver(a.index, a.waiver)));
  }
  return sortFindings(out) as ReportedFinding[];
}

/**
 * IAM-style policy documents (IAM, key, bucket, queue and trust policies) as rules read them: a JSON
 * string or an object, normalised so that single values become arrays.
 */
import { arrayOf } from "./props";

export interface Statement {
  readonly sid?: string;
  readonly effect: "Allow" | "Deny";
  readonly actions: string[];
  readonly notActions: string[];
  readonly resources: string[];
  readonly notResources: string[];
  /** `"*"` for `Principal: "*"`; otherwise principal type → identifiers. Absent: no Principal. */
  readonly principal?: "*" | Record<string, string[]>;
  readonly notPrincipal?: "*" | Record<string, string[]>;
  /** Operator → condition key → values (all as strings). */
  readonly conditions: Record<string, Record<string, string[]>>;
}

export class PolicyDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PolicyDocumentError";
  }
}

/** The statements of a policy document given as JSON text or an object. Throws if it is not one. */
export function statementsOf(document: unknown): Statement[] {
  let doc: unknown = document;
  if (typeof doc === "string") {
    try {
      doc = JSON.parse(doc);
    } catch {
      throw new PolicyDocumentError("the policy is not valid JSON");
    }
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    throw new PolicyDocumentError("the policy is not a JSON object");
  }
  return arrayOf<Record<string, unknown>>((doc as Record<string, unknown>).Statement).map(statementOf);
}

function strings(value: unknown): string[] {
  return arrayOf(value).map((v) => String(v));
}

function principalOf(value: unknown): Statement["principal"] {
  if (value === undefined || value === null) return undefined;
  if (value === "*") return "*";
  if (typeof value !== "object" || Array.isArray(value)) return { AWS: strings(value) };
  const out: Record<string, string[]> = {};
  for (const [type, ids] of Object.entries(value as Record<string, unknown>)) out[type] = strings(ids);
  return out;
}

function statementOf(s: Record<string, unknown>): Statement {
  const conditions: Record<string, Record<string, string[]>> = {};
  const cond = s.Condition;
  if (cond && typeof cond === "object" && !Array.isArray(cond)) {
    for (const [op, block] of Object.entries(cond as Record<string, unknown>)) {
      if (!block || typeof block !== "object") continue;
      conditions[op] = {};
      for (const [key, values] of Object.entries(block as Record<string, unknown>)) {
        (conditions[op] as Record<string, string[]>)[key] = strings(values);
      }
    }
  }
  const principal = principalOf(s.Principal);
  const notPrincipal = principalOf(s.NotPrincipal);
  return {
    ...(typeof s.Sid === "string" ? { sid: s.Sid } : {}),
    effect: s.Effect === "Deny" ? "Deny" : "Allow",
    actions: strings(s.Action),
    notActions: strings(s.NotAction),
    resources: strings(s.Resource),
    notResources: strings(s.NotResource),
    ...(principal !== undefined ? { principal } : {}),
    ...(notPrincipal !== undefined ? { notPrincipal } : {}),
    conditions,
  };
}

/**
 * The statements of a policy document, or undefined after reporting why it cannot be read (a rule
 * must not pass a policy it cannot parse).
 */
export function statementsOrReport(
  document: unknown,
  report: (message: string, urn?: string) => void,
  urn?: string,
): Statement[] | undefined {
  try {
    return statementsOf(document);
  } catch (e) {
    if (e instanceof PolicyDocumentError) {
      report(`${e.message}, so it cannot be checked.`, urn);
      return undefined;
    }
    throw e;
  }
}

/** `Principal: "*"` or `{"AWS": "*"}`: anyone, in any account. */
export function hasWildcardPrincipal(s: Statement): boolean {
  if (s.principal === undefined) return false;
  if (s.principal === "*") return true;
  return Object.values(s.principal).some((ids) => ids.includes("*"));
}

/** True when some condition constrains the statement (any operator with at least one key). */
export function hasConditions(s: Statement): boolean {
  return Object.values(s.conditions).some((block) => Object.keys(block).length > 0);
}

/** Values of a condition key under one of the given operators (keys compared case-insensitively). */
export function conditionValues(s: Statement, operators: readonly string[], key: string): string[] {
  const out: string[] = [];
  for (const [op, block] of Object.entries(s.conditions)) {
    if (!operators.some((o) => o.toLowerCase() === op.toLowerCase())) continue;
    for (const [k, values] of Object.entries(block)) if (k.toLowerCase() === key.toLowerCase()) out.push(...values);
  }
  return out;
}

/** Whether an action pattern (with `*` / `?`) in the statement covers `action`, e.g. `s3:*` covers `s3:GetObject`. */
export function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split("")
      .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
      .join("")}$`,
    "i",
  );
  return re.test(action);
}

/** True when the statement's Action list covers every action in `actions`. */
export function coversActions(s: Statement, actions: readonly string[]): boolean {
  return actions.every((a) => s.actions.some((p) => actionMatches(p, a)));
}

/** True when the statement applies to every resource (`Resource: "*"`). */
export function onAllResources(s: Statement): boolean {
  return s.resources.includes("*");
}

/** A Deny of all principals for requests not sent over TLS (`aws:SecureTransport` false). */
export function deniesInsecureTransport(s: Statement, actionsToCover: readonly string[]): boolean {
  if (s.effect !== "Deny" || !hasWildcardPrincipal(s)) return false;
  if (!coversActions(s, actionsToCover)) return false;
  const values = conditionValues(s, ["Bool", "BoolIfExists"], "aws:SecureTransport");
  return values.some((v) => v.toLowerCase() === "false");
}

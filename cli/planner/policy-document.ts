/**
 * Renders `aws.iam.getPolicyDocument` the way the AWS provider does, so programs that build IAM
 * and key policies with it plan with their real JSON (rules then read the actual statements).
 */
interface StatementArgs {
  sid?: string;
  effect?: string;
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  principals?: { type: string; identifiers: string[] }[];
  notPrincipals?: { type: string; identifiers: string[] }[];
  conditions?: { test: string; variable: string; values: string[] }[];
}

type Json = string | Json[] | { [k: string]: Json };

/** A single value collapses to a string, as the provider writes it. */
function collapse(values: readonly string[]): Json {
  return values.length === 1 ? (values[0] as string) : [...values];
}

function principalBlock(principals: StatementArgs["principals"]): Json | undefined {
  if (!principals || principals.length === 0) return undefined;
  if (principals.length === 1 && principals[0]?.type === "*" && principals[0].identifiers.includes("*")) return "*";
  const byType: Record<string, string[]> = {};
  for (const p of principals) (byType[p.type] ??= []).push(...p.identifiers);
  const out: Record<string, Json> = {};
  for (const type of Object.keys(byType).sort()) out[type] = collapse([...new Set(byType[type])].sort());
  return out;
}

function conditionBlock(conditions: StatementArgs["conditions"]): Json | undefined {
  if (!conditions || conditions.length === 0) return undefined;
  const out: Record<string, Record<string, Json>> = {};
  for (const c of conditions) (out[c.test] ??= {})[c.variable] = collapse(c.values);
  return out;
}

export function renderPolicyDocument(args: Record<string, unknown>): Record<string, unknown> {
  const statements = (Array.isArray(args.statements) ? args.statements : []) as StatementArgs[];
  const rendered = statements.map((s) => {
    const out: Record<string, Json> = {};
    if (s.sid !== undefined) out.Sid = s.sid;
    out.Effect = s.effect ?? "Allow";
    if (s.actions?.length) out.Action = collapse(s.actions);
    if (s.notActions?.length) out.NotAction = collapse(s.notActions);
    if (s.resources?.length) out.Resource = collapse(s.resources);
    if (s.notResources?.length) out.NotResource = collapse(s.notResources);
    const principal = principalBlock(s.principals);
    if (principal !== undefined) out.Principal = principal;
    const notPrincipal = principalBlock(s.notPrincipals);
    if (notPrincipal !== undefined) out.NotPrincipal = notPrincipal;
    const condition = conditionBlock(s.conditions);
    if (condition !== undefined) out.Condition = condition;
    return out;
  });
  const doc: Record<string, Json> = { Version: typeof args.version === "string" ? args.version : "2012-10-17" };
  if (typeof args.policyId === "string") doc.Id = args.policyId;
  doc.Statement = rendered;
  return {
    id: String(hash(JSON.stringify(doc))),
    json: JSON.stringify(doc, null, 2),
    minifiedJson: JSON.stringify(doc),
    statements,
    version: doc.Version,
  };
}

/** Stable, cheap id for the document (the provider uses a hash too). */
function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h >>> 0;
}

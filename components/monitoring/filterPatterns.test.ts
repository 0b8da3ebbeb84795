/**
 * Every alarm's metric filter pattern against committed CloudTrail records
 * (`testdata/cloudtrail/<event>.match.json` / `<event>.nomatch.json`, one CloudTrail record each, as
 * CloudTrail delivers it to CloudWatch Logs), evaluated with phiguard's evaluator of the CloudWatch
 * Logs JSON filter-pattern syntax. That evaluator implements only the subset the patterns use
 * (braces, `$.a.b` selectors, `=`/`!=` with `*` wildcards, `NOT EXISTS`, `&&`/`||` with explicit
 * parentheses) and refuses anything else.
 *
 * Besides match / no match, each field the pattern selects must exist in the match record with a
 * value the pattern compares it to, so a misspelt field or value cannot pass; a `NOT EXISTS` field
 * must be absent from the match record and present in the no-match record; and the event names a
 * pattern lists must be exactly those of the HIPAA pack's probes for the same event (an independent
 * list, from the CIS benchmark).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  conditionHolds,
  conditionsOf,
  matchesFilterPattern,
  parseFilterPattern,
  ROUTINE_EVENTS,
  SECURITY_SIGNALS,
  valueAt,
  type JsonValue,
} from "../../policies/hipaa/rules/account";
import { SECURITY_EVENT_IDS, SECURITY_EVENTS } from "./securityEvents";

const DIR = path.join(__dirname, "testdata", "cloudtrail");

/** The CloudTrail record fields every management event carries (CloudTrail record contents reference). */
const CloudTrailRecord = z.looseObject({
  eventVersion: z.string().regex(/^1\.\d{2}$/),
  userIdentity: z.looseObject({
    type: z.enum(["Root", "IAMUser", "AssumedRole", "Role", "FederatedUser", "Directory", "AWSAccount", "AWSService", "IdentityCenterUser", "Unknown"]),
    principalId: z.string().optional(),
    arn: z.string().regex(/^arn:aws(-[a-z-]+)?:(iam|sts)::\d{12}:/).optional(),
    accountId: z.string().regex(/^\d{12}$/).optional(),
    invokedBy: z.string().optional(),
  }),
  eventTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
  eventSource: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com$/),
  eventName: z.string().regex(/^[A-Z][A-Za-z0-9]+$/),
  awsRegion: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/),
  sourceIPAddress: z.string().min(1),
  userAgent: z.string().min(1),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  requestParameters: z.record(z.string(), z.unknown()).nullable(),
  responseElements: z.record(z.string(), z.unknown()).nullable(),
  requestID: z.string().optional(),
  eventID: z.uuid(),
  readOnly: z.boolean(),
  eventType: z.enum(["AwsApiCall", "AwsServiceEvent", "AwsConsoleAction", "AwsConsoleSignIn", "AwsVpceEvent"]),
  managementEvent: z.boolean(),
  recipientAccountId: z.string().regex(/^\d{12}$/),
  eventCategory: z.enum(["Management", "Data", "NetworkActivity", "Insight"]),
});

function record(file: string): JsonValue {
  return JSON.parse(fs.readFileSync(path.join(DIR, file), "utf8")) as JsonValue;
}

describe("security event samples", () => {
  it("are committed for every event, one match and one no-match record each, and nothing else", () => {
    const expected = SECURITY_EVENT_IDS.flatMap((id) => [`${id}.match.json`, `${id}.nomatch.json`]).sort();
    expect(fs.readdirSync(DIR).sort()).toEqual(expected);
  });

  it("follow the CloudTrail record schema", () => {
    for (const file of fs.readdirSync(DIR)) {
      const result = CloudTrailRecord.safeParse(record(file));
      expect(result.success, `${file}: ${result.success ? "" : result.error.message}`).toBe(true);
    }
  });
});

describe.each(SECURITY_EVENTS.map((e) => [e.id, e] as const))("the %s filter", (id, event) => {
  const match = record(`${id}.match.json`);
  const noMatch = record(`${id}.nomatch.json`);
  const pattern = parseFilterPattern(event.pattern);
  const conditions = conditionsOf(pattern);

  it("matches the match record and not the no-match record", () => {
    expect(matchesFilterPattern(pattern, match)).toBe(true);
    expect(matchesFilterPattern(pattern, noMatch)).toBe(false);
  });

  it("selects only fields the match record has, with a value the pattern compares them to", () => {
    const selectors = [...new Set(conditions.filter((c) => c.kind === "compare" || c.exists).map((c) => c.selector))];
    expect(selectors.length).toBeGreaterThan(0);
    for (const selector of selectors) {
      const onField = conditions.filter((c) => c.selector === selector);
      expect(valueAt(match, onField[0]!.path).found, `${selector} exists in ${id}.match.json`).toBe(true);
      expect(onField.some((c) => conditionHolds(c, match)), `${selector} of ${id}.match.json has a value the pattern compares it to`).toBe(true);
    }
  });

  it("tests each NOT EXISTS field: absent from the match record, present in the no-match record", () => {
    for (const c of conditions.filter((c) => c.kind === "exists" && !c.exists)) {
      expect(valueAt(match, c.path).found, `${c.selector} is absent from ${id}.match.json`).toBe(false);
      expect(valueAt(noMatch, c.path).found, `${c.selector} is present in ${id}.nomatch.json`).toBe(true);
    }
  });

  it("matches every event it lists (each alternative reachable from the match record)", () => {
    const names = conditions.filter((c) => c.kind === "compare" && c.selector === "$.eventName" && c.operator === "=").map((c) => (c.kind === "compare" ? c.value : ""));
    for (const name of names) {
      const variant = { ...(match as Record<string, JsonValue>), eventName: name };
      expect(matchesFilterPattern(pattern, variant), `${id} with eventName ${name}`).toBe(true);
    }
  });

  it("agrees with the HIPAA pack's probes of the same event, and ignores routine activity", () => {
    const signal = SECURITY_SIGNALS.find((s) => s.id === id);
    expect(signal, `a HIPAA pack signal named ${id}`).toBeDefined();
    for (const probe of signal!.probes) expect(matchesFilterPattern(pattern, probe), `${id} matches probe ${JSON.stringify((probe as { eventName: string }).eventName)}`).toBe(true);
    for (const routine of ROUTINE_EVENTS) expect(matchesFilterPattern(pattern, routine)).toBe(false);
    const listed = conditions.filter((c) => c.kind === "compare" && c.selector === "$.eventName" && c.operator === "=").map((c) => (c.kind === "compare" ? c.value : ""));
    if (listed.length > 1) {
      const probed = signal!.probes.map((p) => (p as { eventName: string }).eventName);
      expect([...listed].sort()).toEqual([...new Set(probed)].sort());
    }
  });

  it("quotes every value and groups every mixed && / || with parentheses (the evaluator parses it)", () => {
    for (const c of conditions) if (c.kind === "compare") expect(c.quoted, `${c.selector} = ${c.value} is quoted`).toBe(true);
  });
});

it("covers exactly the HIPAA pack's security signals", () => {
  expect([...SECURITY_EVENT_IDS].sort()).toEqual(SECURITY_SIGNALS.map((s) => s.id).sort());
});

it("the README tells a reviewer what every alarm means", () => {
  const readme = fs.readFileSync(path.join(__dirname, "README.md"), "utf8");
  for (const event of SECURITY_EVENTS) {
    const row = readme.split("\n").find((line) => line.startsWith(`| \`${event.id}\` |`));
    expect(row, `a README row for ${event.id}`).toBeDefined();
    expect(row).toContain(event.meaning);
  }
});

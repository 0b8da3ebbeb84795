import { describe, expect, test } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { renderJunit } from "../../cli/reporters/junit";
import { EVIL_NAME, fixtureChecks, passingCheck } from "./fixture";

interface Parsed {
  testsuites: {
    "@_tests": string;
    "@_failures": string;
    "@_skipped": string;
    testsuite: Suite[];
  };
}
interface Suite {
  "@_name": string;
  "@_tests": string;
  "@_failures": string;
  "@_skipped": string;
  properties: { property: { "@_name": string; "@_value": string }[] };
  testcase: Case[];
}
interface Case {
  "@_name": string;
  "@_classname": string;
  failure?: { "@_message": string; "@_type": string; "#text": string };
  skipped?: { "@_message": string };
  "system-out"?: string;
}

function parse(xml: string): Parsed {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseAttributeValue: false,
    isArray: (name) => ["testsuite", "testcase", "property"].includes(name),
  });
  return parser.parse(xml) as Parsed;
}

const suite = (p: Parsed, name: string) => p.testsuites.testsuite.find((s) => s["@_name"] === name)!;

describe("JUnit reporter", () => {
  const xml = renderJunit(fixtureChecks());
  const parsed = parse(xml);

  test("is well-formed XML with one suite per rule", () => {
    expect(xml.startsWith(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites `)).toBe(true);
    expect(parsed.testsuites.testsuite.map((s) => s["@_name"])).toEqual([
      "cloudtrail-multi-region-enabled",
      "k8s-no-privileged-containers",
      "kms-key-rotation-enabled",
      "s3-bucket-encrypted-with-kms",
      "vpc-flow-logs-enabled",
    ]);
  });

  test("one test case per rule × resource evaluated, failures for violations, skipped for unverifiable and waived", () => {
    const s3 = suite(parsed, "s3-bucket-encrypted-with-kms");
    expect(s3.testcase.map((c) => c["@_name"])).toEqual([
      `aws:s3/bucket:Bucket "${EVIL_NAME}"`,
      'aws:s3/bucket:Bucket "records-bucket"',
      'aws:s3/bucket:Bucket "records-replica-bucket"',
    ]);
    const [evil, pass, fail] = s3.testcase;
    expect(evil!.skipped?.["@_message"]).toMatch(/^waived until 2099-12-31 by Dana Smith \(CISO\) & "Security": Legacy export bucket <b>scheduled<\/b>/);
    expect(pass!.failure).toBeUndefined();
    expect(pass!.skipped).toBeUndefined();
    expect(fail!.failure?.["@_type"]).toBe("mandatory");
    expect(fail!.failure?.["@_message"]).toContain("no aws.s3.BucketServerSideEncryptionConfiguration");
    expect(fail!.failure?.["#text"]).toContain("Fix: Use the `PhiBucket` component");
    expect(fail!["system-out"]).toBe("urn:pulumi:prod::clinic::phiguard:storage:PhiBucket$aws:s3/bucket:Bucket::records-replica-bucket");
    expect(fail!["@_classname"]).toBe("phiguard.clinic.prod.s3-bucket-encrypted-with-kms");
    expect([s3["@_tests"], s3["@_failures"], s3["@_skipped"]]).toEqual(["3", "1", "1"]);

    const kms = suite(parsed, "kms-key-rotation-enabled");
    expect(kms.testcase[0]!.skipped?.["@_message"]).toBe("cannot be verified until deploy: cannot be verified before deploy: props.enableKeyRotation");
    expect(kms.testcase[1]!.skipped).toBeUndefined();

    expect(suite(parsed, "vpc-flow-logs-enabled").testcase[0]!.failure?.["@_type"]).toBe("advisory");
    const trail = suite(parsed, "cloudtrail-multi-region-enabled");
    expect(trail.testcase.map((c) => c["@_name"])).toEqual(["(stack)"]);
    expect(trail.properties.property).toContainEqual({ "@_name": "hipaa", "@_value": "164.312(b), 164.308(a)(1)(ii)(D)" });
  });

  test("totals add up", () => {
    const suites = parsed.testsuites.testsuite;
    const sum = (k: "@_tests" | "@_failures" | "@_skipped") => suites.reduce((n, s) => n + Number(s[k]), 0);
    expect(Number(parsed.testsuites["@_tests"])).toBe(sum("@_tests"));
    expect(sum("@_tests")).toBe(8);
    expect(Number(parsed.testsuites["@_failures"])).toBe(4);
    expect(Number(parsed.testsuites["@_skipped"])).toBe(2);
  });

  test("escapes names and messages (no markup, no control characters leak)", () => {
    expect(xml).not.toContain("<img");
    expect(xml).not.toContain("<script>");
    const checks = fixtureChecks();
    (checks[0]!.result.findings[0] as { message: string }).message = "bad \u0001 control \uFFFF and ]]> end";
    expect(() => parse(renderJunit(checks))).not.toThrow();
  });

  test("several stacks: suites per stack and rule; a passing stack has only passing cases", () => {
    const p = parse(renderJunit([...fixtureChecks(["prod"]), passingCheck()]));
    expect(p.testsuites.testsuite.map((s) => s["@_name"])).toContain("clinic/dev cloudtrail-multi-region-enabled");
    expect(p.testsuites.testsuite.map((s) => s["@_name"])).toContain("clinic/prod vpc-flow-logs-enabled");
    const dev = p.testsuites.testsuite.find((s) => s["@_name"] === "clinic/dev cloudtrail-multi-region-enabled")!;
    expect([dev["@_tests"], dev["@_failures"], dev["@_skipped"]]).toEqual(["1", "0", "0"]);
  });

  test("is deterministic", () => {
    expect(renderJunit(fixtureChecks())).toBe(xml);
  });
});

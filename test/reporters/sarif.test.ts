import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import type * as Sarif from "sarif";
import { renderSarif, SRCROOT } from "../../cli/reporters/sarif";
import { runPhiguard } from "../support/cli";
import { writeTestProgram, REPO_ROOT } from "../support/plan";
import { EVIL_NAME, fixtureChecks, fixtureResult, FIXTURE_PROJECT_DIR } from "./fixture";

let validate: ValidateFunction;
beforeAll(() => {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "testdata", "sarif-schema-2.1.0.json"), "utf8"));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  validate = ajv.compile(schema);
});

function expectValid(text: string): Sarif.Log {
  const log = JSON.parse(text) as Sarif.Log;
  const ok = validate(log);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
  return log;
}

const render = (stacks = ["prod"]) => renderSarif(fixtureChecks(stacks), { baseDir: REPO_ROOT });
const resultFor = (log: Sarif.Log, ruleId: string, name?: string) =>
  log.runs[0]!.results!.find((r) => r.ruleId === ruleId && (name === undefined || r.locations?.[0]?.logicalLocations?.[0]?.name === name))!;

describe("SARIF reporter", () => {
  test("is valid SARIF 2.1.0, for one stack and for several (one run per stack)", () => {
    const one = expectValid(render());
    expect(one.version).toBe("2.1.0");
    expect(one.runs).toHaveLength(1);
    const two = expectValid(render(["staging", "prod"]));
    expect(two.runs.map((r) => r.automationDetails?.id)).toEqual(["phiguard/clinic/staging/", "phiguard/clinic/prod/"]);
  });

  test("describes every rule: id, descriptions, remediation as help, HIPAA paragraphs and 'security' as tags", () => {
    const log = expectValid(render());
    const rules = log.runs[0]!.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual([
      "cloudtrail-multi-region-enabled",
      "k8s-no-privileged-containers",
      "kms-key-rotation-enabled",
      "s3-bucket-encrypted-with-kms",
      "vpc-flow-logs-enabled",
    ]);
    const kms = rules.find((r) => r.id === "kms-key-rotation-enabled")!;
    expect(kms.shortDescription?.text).toBe("KMS keys rotate their key material.");
    expect(kms.fullDescription?.text).toBe("KMS keys rotate their key material. Rotation limits what one leaked key can decrypt.");
    expect(kms.help?.text).toBe("Set `enableKeyRotation: true`, or use the `EnvelopeKey` component.");
    expect(kms.help?.markdown).toContain("CMK_BACKING_KEY_ROTATION_ENABLED");
    expect(kms.properties?.tags).toEqual(["security", "hipaa", "164.312(a)(2)(iv)"]);
    expect(kms.defaultConfiguration?.level).toBe("error");
    expect(rules.find((r) => r.id === "vpc-flow-logs-enabled")!.defaultConfiguration?.level).toBe("warning");
    // Results point at their rule.
    for (const r of log.runs[0]!.results!) expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
  });

  test("levels: mandatory → error, advisory → warning, cannot be verified until deploy → note", () => {
    const log = expectValid(render());
    expect(resultFor(log, "k8s-no-privileged-containers").level).toBe("error");
    expect(resultFor(log, "vpc-flow-logs-enabled").level).toBe("warning");
    expect(resultFor(log, "kms-key-rotation-enabled").level).toBe("note");
  });

  test("locations: the program line that declared the resource (or its component), relative to the repo, with uriBaseId", () => {
    const log = expectValid(render());
    const run = log.runs[0]!;
    expect(run.originalUriBaseIds?.[SRCROOT]?.uri).toBe(`file://${REPO_ROOT}/`);
    const indexUri = path.relative(REPO_ROOT, path.join(FIXTURE_PROJECT_DIR, "index.ts"));
    const at = (r: Sarif.Result) => r.locations![0]!.physicalLocation!;
    // A component's child: the line that declared the PhiBucket.
    const replica = at(resultFor(log, "s3-bucket-encrypted-with-kms", "records-replica-bucket"));
    expect(replica.artifactLocation).toEqual({ uri: indexUri, uriBaseId: SRCROOT });
    expect(replica.region).toEqual({ startLine: 5, startColumn: 17 });
    // Its own source lies outside the program (a component's file): the EnvelopeKey line instead.
    expect(at(resultFor(log, "kms-key-rotation-enabled")).region?.startLine).toBe(4);
    // Nothing known: the project's Pulumi.yaml, no line.
    const stackLevel = at(resultFor(log, "cloudtrail-multi-region-enabled"));
    expect(stackLevel.artifactLocation?.uri).toBe(path.relative(REPO_ROOT, path.join(FIXTURE_PROJECT_DIR, "Pulumi.yaml")));
    expect(stackLevel.region).toBeUndefined();
    // The URN as the logical location.
    expect(resultFor(log, "vpc-flow-logs-enabled").locations![0]!.logicalLocations![0]).toMatchObject({
      name: "main",
      fullyQualifiedName: "urn:pulumi:prod::clinic::aws:ec2/vpc:Vpc::main",
      kind: "resource",
    });
  });

  test("partialFingerprints are stable across runs and line moves, and distinct per finding", () => {
    const a = expectValid(render());
    const moved = fixtureChecks();
    const plan = moved[0]!.result.plan as unknown as { resources: { source?: { line: number } }[] };
    for (const r of plan.resources) if (r.source) r.source.line += 10;
    const b = JSON.parse(renderSarif(moved, { baseDir: REPO_ROOT })) as Sarif.Log;
    const prints = (log: Sarif.Log) => log.runs[0]!.results!.map((r) => r.partialFingerprints!["phiguardFinding/v1"]);
    expect(prints(a)).toEqual(prints(b));
    expect(new Set(prints(a)).size).toBe(prints(a).length);
    expect(resultFor(b, "vpc-flow-logs-enabled").locations![0]!.physicalLocation!.region?.startLine).toBe(16);
  });

  test("a waived finding is an accepted external suppression with the waiver's reason, approver and expiry", () => {
    const log = expectValid(render());
    const waived = resultFor(log, "s3-bucket-encrypted-with-kms", EVIL_NAME);
    expect(waived.suppressions).toEqual([
      {
        kind: "external",
        status: "accepted",
        justification: "Legacy export bucket <b>scheduled</b> for deletion in Q3; holds no PHI since 2024.",
        properties: { approver: 'Dana Smith (CISO) & "Security"', expires: "2099-12-31", rule: "s3-bucket-encrypted-with-kms", resource: "<img*" },
      },
    ]);
    expect(resultFor(log, "vpc-flow-logs-enabled").suppressions).toBeUndefined();
  });

  test("is deterministic", () => {
    expect(render()).toBe(render());
    expect(renderSarif([{ result: fixtureResult() }], { baseDir: REPO_ROOT })).toBe(renderSarif([{ result: fixtureResult() }], { baseDir: REPO_ROOT }));
  });
});

describe("SARIF of a real check (the built binary)", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  test("is valid and points at the program's own line", () => {
    const dir = writeTestProgram(`import * as k8s from "@pulumi/kubernetes";
new k8s.core.v1.Pod("debug", {
  metadata: { namespace: "clinical" },
  spec: { containers: [{ name: "shell", image: "busybox", securityContext: { privileged: true } }] },
});
`);
    dirs.push(dir);
    const run = runPhiguard(["check", dir, "--format", "sarif"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const log = expectValid(run.stdout);
    const priv = log.runs[0]!.results!.find((r) => r.ruleId === "k8s-no-privileged-containers")!;
    expect(priv.level).toBe("error");
    expect(priv.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: path.relative(REPO_ROOT, path.join(dir, "index.ts")), uriBaseId: SRCROOT },
      region: { startLine: 2, startColumn: expect.any(Number) },
    });
    expect(log.runs[0]!.tool.driver.rules!.length).toBeGreaterThan(50);
  });
});

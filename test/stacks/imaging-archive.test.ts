/**
 * imaging-archive: passes the HIPAA pack, and the pack catches one
 * deliberate misconfiguration per control family (phiguard:testMisconfigure, see stacks/README.md).
 * The demo stack (the same workload) is checked through the built binary in cli.test.ts.
 */
import { describe, expect, test } from "vitest";
import { checkStack, expectClean, expectConfigError, mandatoryRules, replicationRoleUnverifiable } from "./support";

const STACK = "imaging-archive";
const UNVERIFIABLE = replicationRoleUnverifiable("dicom", "audit-archive");

describe("imaging-archive", () => {
  test("passes the pack: no violations, only the documented unverifiable advisories", async () => {
    const check = await checkStack(STACK);
    expectClean(check, UNVERIFIABLE);
    const types = new Set(check.plan.resources.map((r) => r.type));
    for (const type of [
      "phiguard:keys:EnvelopeKey",
      "phiguard:network:MultiRegionNetwork",
      "phiguard:storage:PhiBucket",
      "phiguard:storage:PhiQueue",
      "phiguard:storage:PhiTable",
      "phiguard:audit:AuditTrail",
      "phiguard:backup:BackupPlan",
      "aws:lambda/function:Function",
      "aws:lambda/eventSourceMapping:EventSourceMapping",
      "aws:s3/bucketNotification:BucketNotification",
    ]) {
      expect(types, type).toContain(type);
    }
    const indexer = check.plan.resources.find((r) => r.name === "indexer-function")!;
    expect(indexer.props).toMatchObject({ reservedConcurrentExecutions: 10, tracingConfig: { mode: "Active" }, runtime: "nodejs22.x" });
    const mapping = check.plan.resources.find((r) => r.name === "indexer-ingest")!;
    expect(mapping.props).toMatchObject({ scalingConfig: { maximumConcurrency: 10 } });
  });

  test.each([
    ["encryption", ["lambda-environment-encrypted-with-cmk"]],
    ["logging", ["cloudtrail-s3-data-events-enabled"]],
    ["network", ["lambda-function-in-vpc"]],
    ["backup", ["backup-vault-lock-enabled"]],
    ["transport", ["s3-bucket-ssl-requests-only"]],
  ])("a %s misconfiguration is caught (%s)", async (family, rules) => {
    const check = await checkStack(STACK, { "phiguard:testMisconfigure": family });
    expect(mandatoryRules(check)).toEqual(rules);
  });

  test("invalid or missing config names the key and the expected form", async () => {
    await expectConfigError(STACK, { "phiguard:regions": '["us-east-1"]' }, 'phiguard:regions: expected a list of 2 AWS regions like ["us-east-1","us-west-2"] (primary first); got ["us-east-1"]');
    await expectConfigError(STACK, { "phiguard:regions": '["us-east-1","us-east-1"]' }, "phiguard:regions: expected a list of 2 AWS regions");
    await expectConfigError(STACK, { "phiguard:owner": "" }, "phiguard:owner: not set; expected the accountable team");
    await expectConfigError(STACK, { "phiguard:objectLock": '{"mode":"FOREVER","retentionDays":30}' }, 'phiguard:objectLock: expected {"mode":"GOVERNANCE"|"COMPLIANCE","retentionDays":1-36500}');
    await expectConfigError(STACK, { "phiguard:supernet": "10.40.0.0/12" }, "phiguard:supernet: expected an IPv4 network address from /8 to /16");
    await expectConfigError(STACK, { "phiguard:ingestConcurrency": "1" }, "phiguard:ingestConcurrency: expected a whole number of concurrent indexers from 2 to 1000");
    await expectConfigError(STACK, { "phiguard:workload": "imaging" }, "phiguard:workload: expected one of imaging-archive, remote-monitoring, analytics-lake, fhir-platform; got imaging");
  });
});


import { describe, expect, it } from "vitest";
import { constructionErrors, expectConventionTags, findingKeys, packFindings, planProgram, PRIMARY_KEY_URN, REPLICA_KEY_URN } from "./fixtures/plan-helpers";

const KEYS = `hashKey: "patientId", rangeKey: "recordedAt", attributes: [{ name: "patientId", type: "S" }, { name: "recordedAt", type: "N" }]`;

describe("PhiTable (planned, two regions)", () => {
  it("is secure by default: CMK encryption, PITR, deletion protection, a replica under the replica key", async () => {
    const view = await planProgram(`
new PhiTable("vitals", { key, ${KEYS}, ttlAttribute: "expiresAt" });
new BackupPlan("backup", { key });
`);
    expect(view.get("vitals").type).toBe("phiguard:storage:PhiTable");
    expect(view.childNames("vitals")).toEqual(["vitals-table"]);
    const table = view.get("vitals-table");
    expect(table.region).toBe("us-east-1");
    expect(table.props).toMatchObject({
      billingMode: "PAY_PER_REQUEST",
      hashKey: "patientId",
      rangeKey: "recordedAt",
      serverSideEncryption: { enabled: true, kmsKeyArn: { "@phiguard": "unknown" } },
      pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 },
      deletionProtectionEnabled: true,
      streamEnabled: true,
      streamViewType: "NEW_AND_OLD_IMAGES",
      ttl: { enabled: true, attributeName: "expiresAt" },
      replicas: [
        {
          regionName: "us-west-2",
          kmsKeyArn: { "@phiguard": "unknown" },
          pointInTimeRecovery: true,
          deletionProtectionEnabled: true,
          propagateTags: true,
        },
      ],
    });
    expect(view.deps("vitals-table", "serverSideEncryption")).toEqual([PRIMARY_KEY_URN]);
    expect(view.deps("vitals-table", "replicas")).toEqual([REPLICA_KEY_URN]);
    expectConventionTags(view, "vitals");
    expect(findingKeys(await packFindings(view))).toEqual([]);
  });

  it("opts out only through explicit args, and the plan and the HIPAA pack show it", async () => {
    const view = await planProgram(`
new PhiTable("norecovery", { key, ${KEYS}, disablePointInTimeRecovery: true });
new PhiTable("deletable", { key, ${KEYS}, disableDeletionProtection: true });
new PhiTable("regional", { key, ${KEYS}, skipReplication: true });
new BackupPlan("backup", { key });
`);
    expect(view.props("norecovery-table").pointInTimeRecovery).toEqual({ enabled: false });
    expect(view.props("norecovery-table").replicas[0].pointInTimeRecovery).toBe(false);
    expect(view.props("deletable-table").deletionProtectionEnabled).toBe(false);
    expect(view.props("deletable-table").replicas[0].deletionProtectionEnabled).toBe(false);
    expect(view.props("regional-table").replicas).toBeUndefined();
    expect(view.props("regional-table").streamEnabled).toBeUndefined();

    // Every opt-out is flagged by the pack.
    expect(findingKeys(await packFindings(view))).toEqual([
      "dynamodb-deletion-protection-enabled deletable-table",
      "dynamodb-point-in-time-recovery-enabled norecovery-table",
      "dynamodb-table-replicated-for-phi regional-table",
    ]);
  });

  it("fails at construction on invalid args, saying what was given and what is expected", async () => {
    const errors = await constructionErrors([
      `new PhiTable("a", { key: new EnvelopeKey("solo", { regions: ["us-east-1"] }), ${KEYS} })`,
      `new PhiTable("b", { key, ${KEYS}, replicaRegions: ["eu-west-1"] })`,
      `new PhiTable("c", { key, ${KEYS}, pointInTimeRecoveryDays: 36 })`,
      `new PhiTable("d", { key, hashKey: "id", attributes: [{ name: "pk", type: "S" }] })`,
      `new PhiTable("e", { key, ${KEYS}, billingMode: "PROVISIONED" })`,
      `new PhiTable("f", { key, ${KEYS}, replicaRegions: ["us-east-1"] })`,
      `new PhiTable("g", { key: new EnvelopeKey("solo2", { regions: ["us-east-1"] }), ${KEYS}, skipReplication: true })`,
    ]);
    expect(errors[0]).toMatch(/PhiTable "a": no replica region: the EnvelopeKey spans only \[us-east-1\]; expected a region of the key other than "us-east-1" .* or `skipReplication: true`/);
    expect(errors[1]).toMatch(/replicaRegions entry "eu-west-1" has no key: the EnvelopeKey spans \[us-east-1, us-west-2\]/);
    expect(errors[2]).toMatch(/pointInTimeRecoveryDays 36 is out of range; expected a whole number of days from 1 to 35/);
    expect(errors[3]).toMatch(/hashKey "id" is not in attributes \[pk\]/);
    expect(errors[4]).toMatch(/billingMode PROVISIONED without readCapacity and writeCapacity/);
    expect(errors[5]).toMatch(/replicaRegions contains the table's own region "us-east-1"/);
    expect(errors[6]).toBe("no error");
  });
});

/**
 * The data-residency rules over planned programs (the real offline planner): PHI resources and
 * every copy of PHI stay in the allowed regions; the allow-list and the default region come from
 * the rules' policy config.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../../../cli/plan";
import { evaluatePlan, type EvaluateOptions, type Finding } from "../../../engine";
import { planTestProgram } from "../../../../test/support/plan";
import { hipaaPolicies } from "../../index";
import { DEFAULT_ALLOWED_REGIONS, residencyRules } from ".";

const HEADER = `
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
const phi = { "data-classification": "phi" };
/** Stands in for phiguard's PhiBucket: its untagged children hold PHI. */
class PhiBucketLike extends pulumi.ComponentResource {
  constructor(name: string) { super("phiguard:storage:PhiBucket", name, {}, {}); }
}
`;

const RESOURCES = `${HEADER}
const frankfurt = new aws.Provider("frankfurt", { region: "eu-central-1" });
const key = new aws.kms.Key("key", { enableKeyRotation: true, region: "us-east-1" });
new aws.s3.Bucket("ok-phi-bucket", { region: "us-east-1", tags: phi });
new aws.s3.Bucket("bad-phi-bucket", { region: "eu-west-1", tags: phi });
new aws.s3.Bucket("bad-phi-bucket-provider", { tags: phi }, { provider: frankfurt });
new aws.s3.Bucket("internal-bucket-abroad", { region: "eu-west-1", tags: { "data-classification": "internal" } });
const component = new PhiBucketLike("records");
new aws.s3.Bucket("bad-component-child", { region: "ap-southeast-2" }, { parent: component });
new aws.s3.Bucket("confidential-component-child", { region: "ap-southeast-2", tags: { "data-classification": "confidential" } }, { parent: component });
new aws.iam.Role("global-phi-role", { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [] }), tags: phi });
new aws.dynamodb.Table("unplaced-phi-table", { hashKey: "id", attributes: [{ name: "id", type: "S" }], billingMode: "PAY_PER_REQUEST", tags: phi });
new aws.sqs.Queue("unk-phi-queue", { region: key.arn.apply(() => "eu-west-1"), tags: phi });
`;

const REPLICAS = `${HEADER}
const key = new aws.kms.Key("phi-key", { region: "us-east-1", multiRegion: true, enableKeyRotation: true, tags: phi });
new aws.kms.ReplicaKey("ok-replica-key", { region: "us-west-2", primaryKeyArn: key.arn });
new aws.kms.ReplicaKey("bad-replica-key", { region: "eu-west-1", primaryKeyArn: key.arn });
const otherKey = new aws.kms.Key("internal-key", { region: "us-east-1", multiRegion: true, enableKeyRotation: true, tags: { "data-classification": "internal" } });
new aws.kms.ReplicaKey("internal-replica-key", { region: "eu-west-1", primaryKeyArn: otherKey.arn });

const source = new aws.s3.Bucket("source-bucket", { region: "us-east-1", bucket: "records-us-east-1", tags: phi });
const west = new aws.s3.Bucket("west-replica-bucket", { region: "us-west-2", bucket: "records-us-west-2" });
const ireland = new aws.s3.Bucket("ireland-replica-bucket", { region: "eu-west-1", bucket: "records-eu-west-1" });
const replicationRule = (bucket: pulumi.Input<string>) => [{ id: "all", status: "Enabled", filter: { prefix: "" }, deleteMarkerReplication: { status: "Disabled" }, destination: { bucket } }];
const role = "arn:aws:iam::123456789012:role/replication";
new aws.s3.BucketReplicationConfig("ok-replication", { region: "us-east-1", bucket: source.id, role, rules: replicationRule(west.arn) });
new aws.s3.BucketReplicationConfig("bad-replication", { region: "us-east-1", bucket: source.id, role, rules: replicationRule(ireland.arn) });
new aws.s3.BucketReplicationConfig("ok-replication-literal", { region: "us-east-1", bucket: "records-us-east-1", role, rules: replicationRule("arn:aws:s3:::records-us-west-2") });
new aws.s3.BucketReplicationConfig("external-replication", { region: "us-east-1", bucket: "records-us-east-1", role, rules: replicationRule("arn:aws:s3:::bucket-in-another-account") });
const internal = new aws.s3.Bucket("internal-source-bucket", { region: "us-east-1", tags: { "data-classification": "internal" } });
new aws.s3.BucketReplicationConfig("internal-replication", { region: "us-east-1", bucket: internal.id, role, rules: replicationRule(ireland.arn) });

const attrs = { hashKey: "id", attributes: [{ name: "id", type: "S" }], billingMode: "PAY_PER_REQUEST", streamEnabled: true, streamViewType: "NEW_AND_OLD_IMAGES" };
new aws.dynamodb.Table("ok-global-table", { ...attrs, region: "us-east-1", replicas: [{ regionName: "us-west-2" }], tags: phi });
new aws.dynamodb.Table("bad-global-table", { ...attrs, region: "us-east-1", replicas: [{ regionName: "us-west-2" }, { regionName: "eu-west-1" }], tags: phi });
const separate = new aws.dynamodb.Table("bad-table-replica-resource", { ...attrs, region: "us-east-1", tags: phi });
new aws.dynamodb.TableReplica("ireland-table-replica", { globalTableArn: separate.arn, region: "eu-west-1" });
new aws.dynamodb.Table("unk-global-table", { ...attrs, region: "us-east-1", replicas: [{ regionName: key.arn.apply(() => "us-west-2") }], tags: phi });

const global = new aws.rds.GlobalCluster("bad-global-database", { globalClusterIdentifier: "records", engine: "aurora-postgresql", region: "us-east-1", tags: phi });
const db = { engine: "aurora-postgresql", masterUsername: "app", manageMasterUserPassword: true };
new aws.rds.Cluster("primary-cluster", { ...db, region: "us-east-1", globalClusterIdentifier: global.id });
new aws.rds.Cluster("ireland-cluster", { ...db, region: "eu-west-1", globalClusterIdentifier: global.id });
const okGlobal = new aws.rds.GlobalCluster("ok-global-database", { globalClusterIdentifier: "records2", engine: "aurora-postgresql", region: "us-east-1", tags: phi });
new aws.rds.Cluster("ok-primary-cluster", { ...db, region: "us-east-1", globalClusterIdentifier: okGlobal.id });
new aws.rds.Cluster("ok-secondary-cluster", { ...db, region: "us-west-2", globalClusterIdentifier: "records2" });

const vault = new aws.backup.Vault("vault", { region: "us-east-1", kmsKeyArn: key.arn });
const westVault = new aws.backup.Vault("west-vault", { region: "us-west-2", kmsKeyArn: key.arn });
const daily = (copyTo: pulumi.Input<string>) => [{ ruleName: "daily", targetVaultName: vault.name, schedule: "cron(0 5 ? * * *)", lifecycle: { deleteAfter: 35 }, copyActions: [{ destinationVaultArn: copyTo, lifecycle: { deleteAfter: 35 } }] }];
new aws.backup.Plan("ok-backup-plan", { region: "us-east-1", rules: daily(westVault.arn) });
new aws.backup.Plan("bad-backup-plan", { region: "us-east-1", rules: [{ ruleName: "daily", targetVaultName: "default", schedule: "cron(0 5 ? * * *)", copyActions: [{ destinationVaultArn: "arn:aws:backup:eu-west-1:123456789012:backup-vault:dr" }] }] });
`;

const summary = (findings: readonly Finding[], ruleId: string) =>
  findings
    .filter((f) => f.ruleId === ruleId)
    .map((f) => `${f.kind}:${f.level} ${f.resourceName ?? "(stack)"}`)
    .sort();

describe("data-residency rules", () => {
  let resources: Plan;
  let replicas: Plan;

  beforeAll(async () => {
    resources = await planTestProgram(RESOURCES);
    replicas = await planTestProgram(REPLICAS);
  }, 120_000);

  const evaluate = (plan: Plan, options: EvaluateOptions = {}) => evaluatePlan(plan, residencyRules, options);

  it("are part of the pack, configured with the US regions by default", () => {
    for (const rule of residencyRules) {
      expect(hipaaPolicies).toContain(rule);
      expect(rule.configSchema?.properties?.allowedRegions).toMatchObject({ default: [...DEFAULT_ALLOWED_REGIONS] });
    }
    expect(DEFAULT_ALLOWED_REGIONS).toEqual(["us-east-1", "us-east-2", "us-west-1", "us-west-2"]);
  });

  it("keep PHI resources in the allowed regions: own region, provider region, PHI component children", async () => {
    const { findings } = await evaluate(resources);
    expect(summary(findings, "phi-resources-in-allowed-regions")).toEqual([
      "unverifiable:advisory unk-phi-queue",
      "violation:advisory unplaced-phi-table",
      "violation:mandatory bad-component-child",
      "violation:mandatory bad-phi-bucket",
      "violation:mandatory bad-phi-bucket-provider",
    ]);
    const bad = findings.find((f) => f.resourceName === "bad-phi-bucket-provider");
    expect(bad?.message).toContain("holds PHI in eu-central-1, outside the allowed regions 'us-east-1', 'us-east-2', 'us-west-1' and 'us-west-2'");
    expect(findings.find((f) => f.resourceName === "unplaced-phi-table")?.message).toMatch(/region is not in the plan .* defaultRegion/);
  });

  it("read the allow-list and the default region from the policy config", async () => {
    const options: EvaluateOptions = {
      policyConfig: { "phi-resources-in-allowed-regions": { allowedRegions: ["eu-west-1", "eu-central-1"], defaultRegion: "us-east-1" } },
    };
    const { findings } = await evaluate(resources, options);
    expect(summary(findings, "phi-resources-in-allowed-regions")).toEqual([
      "unverifiable:advisory unk-phi-queue",
      "violation:mandatory bad-component-child",
      "violation:mandatory ok-phi-bucket",
      "violation:mandatory unplaced-phi-table",
    ]);
  });

  it("keep copies of PHI in the allowed regions: S3 replication, DynamoDB replicas, replica keys, global databases, backup copies", async () => {
    const { findings } = await evaluate(replicas);
    expect(summary(findings, "phi-replicas-in-allowed-regions")).toEqual([
      "unverifiable:advisory unk-global-table",
      "violation:advisory external-replication",
      "violation:mandatory bad-backup-plan",
      "violation:mandatory bad-global-database",
      "violation:mandatory bad-global-table",
      "violation:mandatory bad-replica-key",
      "violation:mandatory bad-replication",
      "violation:mandatory bad-table-replica-resource",
    ]);
    const messages = findings.filter((f) => f.ruleId === "phi-replicas-in-allowed-regions").map((f) => f.message).join("\n");
    expect(messages).toContain("replication destination bucket 'ireland-replica-bucket' is in eu-west-1");
    expect(messages).toContain("member cluster 'ireland-cluster' is in eu-west-1");
    expect(messages).toContain("copy destination vault 'arn:aws:backup:eu-west-1:123456789012:backup-vault:dr' is in eu-west-1");
  });

  it("accept replicas in regions the config allows", async () => {
    const allowed = { allowedRegions: ["us-east-1", "us-west-2", "eu-west-1"] };
    const { findings } = await evaluate(replicas, { policyConfig: { "phi-replicas-in-allowed-regions": allowed } });
    expect(summary(findings, "phi-replicas-in-allowed-regions")).toEqual([
      "unverifiable:advisory unk-global-table",
      "violation:advisory external-replication",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { constructionErrors, expectConventionTags, findingKeys, packFindings, planProgram, PRIMARY_KEY_URN, REPLICA_KEY_URN } from "./fixtures/plan-helpers";

const NET = `vpcId: "vpc-0a1", subnetIds: ["subnet-a", "subnet-b"]`;
const NET_WEST = `vpcId: "vpc-0b2", subnetIds: ["subnet-c", "subnet-d"]`;
const ROTATION = "arn:aws:lambda:us-east-1:123456789012:function:rotate-postgres";

describe("PhiDatabase (planned)", () => {
  it("is secure by default: CMK storage, IAM auth, forced TLS, managed secret under the CMK, backups, PI, two AZs, private", async () => {
    const view = await planProgram(`
new PhiDatabase("records", { key, ${NET}, allowedSecurityGroupIds: ["sg-app"], databaseName: "clinical" });
new BackupPlan("backup", { key });
`);
    const urn = (name: string) => view.urn(name);
    expect(view.get("records").type).toBe("phiguard:storage:PhiDatabase");
    expect(view.childNames("records")).toEqual(
      [
        "records-cluster",
        "records-cluster-params",
        "records-instance-1",
        "records-instance-2",
        "records-monitoring-role",
        "records-monitoring-role-policy",
        "records-security-group",
        "records-subnet-group",
      ].sort(),
    );

    const cluster = view.get("records-cluster");
    expect(cluster.region).toBe("us-east-1");
    expect(cluster.props).toMatchObject({
      engine: "aurora-postgresql",
      engineMode: "provisioned",
      engineVersion: "16.6",
      databaseName: "clinical",
      storageEncrypted: true,
      iamDatabaseAuthenticationEnabled: true,
      manageMasterUserPassword: true,
      masterUsername: "phiadmin",
      backupRetentionPeriod: 35,
      deletionProtection: true,
      copyTagsToSnapshot: true,
      deleteAutomatedBackups: false,
      skipFinalSnapshot: false,
      enabledCloudwatchLogsExports: ["postgresql"],
      port: 5432,
    });
    expect(cluster.props.masterPassword).toBeUndefined();
    expect(view.deps("records-cluster", "kmsKeyId")).toEqual([PRIMARY_KEY_URN]);
    expect(view.deps("records-cluster", "masterUserSecretKmsKeyId")).toEqual([PRIMARY_KEY_URN]);
    expect(view.deps("records-cluster", "dbClusterParameterGroupName")).toEqual([urn("records-cluster-params")]);
    expect(view.deps("records-cluster", "dbSubnetGroupName")).toEqual([urn("records-subnet-group")]);
    expect(view.deps("records-cluster", "vpcSecurityGroupIds")).toEqual([urn("records-security-group")]);

    expect(view.props("records-cluster-params")).toMatchObject({
      family: "aurora-postgresql16",
      parameters: expect.arrayContaining([
        { name: "rds.force_ssl", value: "1", applyMethod: "pending-reboot" },
        { name: "ssl_min_protocol_version", value: "TLSv1.2", applyMethod: "pending-reboot" },
      ]),
    });
    expect(view.props("records-subnet-group").subnetIds).toEqual(["subnet-a", "subnet-b"]);
    expect(view.props("records-security-group")).toMatchObject({
      vpcId: "vpc-0a1",
      egress: [],
      ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroups: ["sg-app"] }],
    });

    const zones = ["records-instance-1", "records-instance-2"].map((name) => {
      const instance = view.get(name);
      expect(instance.props).toMatchObject({
        engine: "aurora-postgresql",
        instanceClass: "db.r6g.large",
        publiclyAccessible: false,
        performanceInsightsEnabled: true,
        performanceInsightsRetentionPeriod: 7,
        monitoringInterval: 60,
        autoMinorVersionUpgrade: true,
      });
      expect(view.deps(name, "clusterIdentifier")).toEqual([urn("records-cluster")]);
      expect(view.deps(name, "performanceInsightsKmsKeyId")).toEqual([PRIMARY_KEY_URN]);
      expect(view.deps(name, "monitoringRoleArn")).toEqual([urn("records-monitoring-role")]);
      return instance.props.availabilityZone as string;
    });
    expect(zones).toEqual(["us-east-1a", "us-east-1b"]);
    expect(view.policy("records-monitoring-role", "assumeRolePolicy").Statement[0].Principal).toEqual({ Service: "monitoring.rds.amazonaws.com" });
    expect(view.props("records-monitoring-role-policy").policyArn).toBe("arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole");
    expect(view.props("records-security-group").tags.Name).toBe("records-security-group");

    expectConventionTags(view, "records");
    expect(findingKeys(await packFindings(view))).toEqual([]);
  });

  it("builds an Aurora Global Database: secondary cluster under the replica key, rotated secret under the CMK", async () => {
    const view = await planProgram(`
new PhiDatabase("global", {
  key, ${NET}, allowedCidrBlocks: ["10.0.0.0/16"],
  globalDatabase: { region: "us-west-2", ${NET_WEST}, masterPassword: "initial-password", rotationLambdaArn: "${ROTATION}" },
});
new BackupPlan("backup", { key });
`);
    const urn = (name: string) => view.urn(name);
    expect(view.props("global-global")).toMatchObject({
      engine: "aurora-postgresql",
      engineVersion: "16.6",
      storageEncrypted: true,
      deletionProtection: true,
      globalClusterIdentifier: "test-test-global-global",
      region: "us-east-1",
    });
    const primary = view.get("global-cluster");
    expect(view.deps("global-cluster", "globalClusterIdentifier")).toEqual([urn("global-global")]);
    expect(primary.props.manageMasterUserPassword).toBeUndefined();
    expect(primary.props.masterUsername).toBe("phiadmin");
    expect(primary.props.masterPassword).toEqual({ "@phiguard": "secret" });
    expect(primary.options.ignoreChanges).toContain("masterPassword");
    expect(view.deps("global-cluster", "kmsKeyId")).toEqual([PRIMARY_KEY_URN]);

    // The master secret: under the CMK, replicated to the secondary region under the replica key, rotated.
    expect(view.props("global-master-secret")).toMatchObject({ recoveryWindowInDays: 30, replicas: [{ region: "us-west-2" }] });
    expect(view.deps("global-master-secret", "kmsKeyId")).toEqual([PRIMARY_KEY_URN]);
    expect(view.deps("global-master-secret", "replicas")).toEqual([REPLICA_KEY_URN]);
    expect(view.deps("global-master-secret-value", "secretId")).toEqual([urn("global-master-secret")]);
    expect(view.props("global-master-secret-rotation")).toMatchObject({ rotationLambdaArn: ROTATION, rotationRules: { automaticallyAfterDays: 30 } });
    expect(view.deps("global-master-secret-rotation", "secretId")).toEqual([urn("global-master-secret")]);

    // The secondary: its own subnet group, security group and parameter group in us-west-2, the replica key.
    const secondary = view.get("global-us-west-2-cluster");
    expect(secondary.region).toBe("us-west-2");
    expect(secondary.props).toMatchObject({ storageEncrypted: true, iamDatabaseAuthenticationEnabled: true, deletionProtection: true, backupRetentionPeriod: 35 });
    expect(secondary.props.masterUsername).toBeUndefined();
    expect(view.deps("global-us-west-2-cluster", "kmsKeyId")).toEqual([REPLICA_KEY_URN]);
    expect(view.deps("global-us-west-2-cluster", "globalClusterIdentifier")).toEqual([urn("global-global")]);
    expect(view.deps("global-us-west-2-cluster", "dbSubnetGroupName")).toEqual([urn("global-us-west-2-subnet-group")]);
    expect(secondary.dependencies).toEqual(expect.arrayContaining([urn("global-instance-1"), urn("global-instance-2")]));
    expect(view.props("global-us-west-2-subnet-group").subnetIds).toEqual(["subnet-c", "subnet-d"]);
    expect(view.props("global-us-west-2-cluster-params").parameters).toContainEqual({ name: "rds.force_ssl", value: "1", applyMethod: "pending-reboot" });
    for (const name of ["global-us-west-2-instance-1", "global-us-west-2-instance-2"]) {
      expect(view.get(name).region).toBe("us-west-2");
      expect(view.props(name).publiclyAccessible).toBe(false);
      expect(view.deps(name, "performanceInsightsKmsKeyId")).toEqual([REPLICA_KEY_URN]);
    }
    expect(view.props("global-us-west-2-instance-1").availabilityZone).not.toBe(view.props("global-us-west-2-instance-2").availabilityZone);
    expect(view.props("global-security-group").ingress).toEqual([
      { description: "PostgreSQL from allowed networks", protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.0.0.0/16"] },
    ]);

    expectConventionTags(view, "global");
    expect(findingKeys(await packFindings(view))).toEqual([]);
  });

  it("opts out only through explicit args, and the plan and the HIPAA pack show it", async () => {
    const view = await planProgram(`
new PhiDatabase("cleartext", { key, ${NET}, allowUnencryptedTransport: true });
new PhiDatabase("deletable", { key, ${NET}, disableDeletionProtection: true });
new PhiDatabase("single", { key, ${NET}, allowSingleInstance: true, instanceCount: 1 });
new PhiDatabase("unmonitored", { key, ${NET}, disableEnhancedMonitoring: true });
new BackupPlan("backup", { key });
`);
    expect(view.props("cleartext-cluster-params").parameters).toContainEqual({ name: "rds.force_ssl", value: "0", applyMethod: "pending-reboot" });
    expect(view.props("deletable-cluster").deletionProtection).toBe(false);
    expect(view.childNames("single").filter((n) => n.includes("instance"))).toEqual(["single-instance-1"]);
    expect(view.props("unmonitored-instance-1").monitoringInterval).toBe(0);
    expect(view.has("unmonitored-monitoring-role")).toBe(false);

    expect(findingKeys(await packFindings(view))).toEqual([
      "rds-deletion-protection-enabled deletable-cluster",
      "rds-enhanced-monitoring-enabled unmonitored-instance-1",
      "rds-enhanced-monitoring-enabled unmonitored-instance-2",
      "rds-multi-az-enabled single-cluster",
      "rds-require-tls-connections cleartext-cluster",
    ]);
  });

  it("fails at construction on invalid args, saying what was given and what is expected", async () => {
    const errors = await constructionErrors([
      `new PhiDatabase("a", { key, ${NET}, instanceCount: 1 })`,
      `new PhiDatabase("b", { key, ${NET}, backupRetentionDays: 36 })`,
      `new PhiDatabase("c", { key, ${NET}, allowedCidrBlocks: ["0.0.0.0/0"] })`,
      `new PhiDatabase("d", { key, vpcId: "vpc-1", subnetIds: ["subnet-a"] })`,
      `new PhiDatabase("e", { key, ${NET}, globalDatabase: { region: "eu-west-1", ${NET_WEST}, masterPassword: "x", rotationLambdaArn: "${ROTATION}" } })`,
      `new PhiDatabase("f", { key, ${NET}, globalDatabase: { region: "us-west-2", ${NET_WEST}, masterPassword: "x" } as any })`,
      `new PhiDatabase("g", { key, ${NET}, performanceInsightsRetentionDays: 30 })`,
      `new PhiDatabase("h", { key, ${NET}, engineVersion: "latest" })`,
      `new PhiDatabase("i", { key, ${NET}, masterUsername: "postgres" })`,
      `new PhiDatabase("j", { key, ${NET}, region: "eu-west-1" })`,
      `new PhiDatabase("k", { key, ${NET}, monitoringIntervalSeconds: 45 })`,
      `new PhiDatabase("l", { key, ${NET}, availabilityZones: ["us-east-1a", "us-east-1a"] })`,
    ]);
    expect(errors[0]).toMatch(/PhiDatabase "a": instanceCount 1 is out of range; expected 2 to 16 \(at least 2 instances in different AZs; set allowSingleInstance: true to opt out\)/);
    expect(errors[1]).toMatch(/backupRetentionDays 36 is out of range; expected a whole number of days from 1 to 35/);
    expect(errors[2]).toMatch(/allowedCidrBlocks contains "0.0.0.0\/0"; expected private networks only/);
    expect(errors[3]).toMatch(/subnetIds has 1 subnet\(s\); expected at least 2 isolated subnets/);
    expect(errors[4]).toMatch(/globalDatabase.region "eu-west-1" has no key: the EnvelopeKey spans \[us-east-1, us-west-2\]/);
    expect(errors[5]).toMatch(/globalDatabase needs masterPassword and rotationLambdaArn/);
    expect(errors[6]).toMatch(/performanceInsightsRetentionDays 30 is not allowed; expected 7, a multiple of 31/);
    expect(errors[7]).toMatch(/engineVersion "latest" is invalid; expected an Aurora PostgreSQL version such as "16.6"/);
    expect(errors[8]).toMatch(/masterUsername "postgres" is invalid/);
    expect(errors[9]).toMatch(/region "eu-west-1" has no key/);
    expect(errors[10]).toMatch(/monitoringIntervalSeconds 45 is not allowed; expected one of 1, 5, 10, 15, 30, 60/);
    expect(errors[11]).toMatch(/availabilityZones \[us-east-1a, us-east-1a\] has fewer than 2 distinct AZs/);
  });
});

import { HEADER, type ServiceCases } from "./support";

export default {
  service: "RDS and Aurora",
  program: `${HEADER}
const key = new aws.kms.Key("key", { enableKeyRotation: true });
const pgParams = new aws.rds.ParameterGroup("pg-params", { family: "postgres16", parameters: [{ name: "rds.force_ssl", value: "1" }] });
const unknownParams = new aws.rds.ParameterGroup("unk-params", { family: "postgres16", parameters: [{ name: "rds.force_ssl", value: key.arn.apply(() => "1") }] });
const goodInstance = {
  engine: "postgres", instanceClass: "db.t3.micro", allocatedStorage: 20, username: "app", manageMasterUserPassword: true,
  storageEncrypted: true, kmsKeyId: key.arn, iamDatabaseAuthenticationEnabled: true, backupRetentionPeriod: 35, tags: phi,
  deletionProtection: true, enabledCloudwatchLogsExports: ["postgresql", "upgrade"], performanceInsightsEnabled: true,
  performanceInsightsKmsKeyId: key.arn, copyTagsToSnapshot: true, multiAz: true, monitoringInterval: 60,
  monitoringRoleArn: "arn:aws:iam::123456789012:role/rds-monitoring", parameterGroupName: pgParams.name,
};
new aws.rds.Instance("ok-instance", goodInstance);
new aws.rds.Instance("replica-instance", { ...goodInstance, replicateSourceDb: "ok-instance", backupRetentionPeriod: undefined, multiAz: false });
new aws.rds.Instance("unk-instance", { ...goodInstance, backupRetentionPeriod: key.arn.apply(() => 35) });
new aws.rds.Instance("unk-tls-instance", { ...goodInstance, parameterGroupName: unknownParams.name });
new aws.rds.Instance("oracle-instance", { ...goodInstance, engine: "oracle-ee", licenseModel: "bring-your-own-license", iamDatabaseAuthenticationEnabled: undefined, parameterGroupName: undefined, enabledCloudwatchLogsExports: ["alert"] });
new aws.rds.Instance("bad-instance", {
  engine: "mysql", instanceClass: "db.t3.micro", allocatedStorage: 20, username: "app", manageMasterUserPassword: true,
  storageEncrypted: true, kmsKeyId: "arn:aws:kms:us-east-1:123456789012:alias/aws/rds", backupRetentionPeriod: 7, tags: phi,
  publiclyAccessible: true, autoMinorVersionUpgrade: false, performanceInsightsEnabled: true,
});

const clusterParams = new aws.rds.ClusterParameterGroup("pg-cluster-params", { family: "aurora-postgresql16", parameters: [{ name: "rds.force_ssl", value: "1" }] });
new aws.rds.ClusterParameterGroup("mysql-params", { name: "mysql-params", family: "aurora-mysql8.0", parameters: [{ name: "time_zone", value: "UTC" }] });
const okCluster = new aws.rds.Cluster("ok-cluster", {
  engine: "aurora-postgresql", masterUsername: "app", manageMasterUserPassword: true,
  storageEncrypted: true, kmsKeyId: key.arn, iamDatabaseAuthenticationEnabled: true, backupRetentionPeriod: 35, tags: phi,
  deletionProtection: true, enabledCloudwatchLogsExports: ["postgresql"], performanceInsightsEnabled: true,
  performanceInsightsKmsKeyId: key.arn, copyTagsToSnapshot: true, dbClusterParameterGroupName: clusterParams.name,
});
const member = { clusterIdentifier: okCluster.id, instanceClass: "db.r6g.large", engine: "aurora-postgresql", monitoringInterval: 60, performanceInsightsEnabled: true, performanceInsightsKmsKeyId: key.arn };
new aws.rds.ClusterInstance("ok-writer", member);
new aws.rds.ClusterInstance("ok-reader", member);
const badCluster = new aws.rds.Cluster("bad-cluster", { engine: "aurora-mysql", dbClusterParameterGroupName: "mysql-params", masterUsername: "app", manageMasterUserPassword: true });
new aws.rds.ClusterInstance("bad-member", { clusterIdentifier: badCluster.id, instanceClass: "db.r6g.large", engine: "aurora-mysql", publiclyAccessible: true, autoMinorVersionUpgrade: false, performanceInsightsEnabled: true });
new aws.rds.Snapshot("ok-snapshot", { dbInstanceIdentifier: "ok-instance", dbSnapshotIdentifier: "ok", sharedAccounts: ["111122223333"] });
new aws.rds.ClusterSnapshot("bad-cluster-snapshot", { dbClusterIdentifier: "ok-cluster", dbClusterSnapshotIdentifier: "bad", sharedAccounts: ["all"] });
`,
  cases: [
    { rule: "rds-snapshot-not-public", pass: ["ok-snapshot"], fail: ["bad-cluster-snapshot"] },
    {
      rule: "rds-storage-encrypted-with-cmk",
      pass: ["ok-instance", "replica-instance", "oracle-instance", "ok-cluster"],
      fail: ["bad-instance", "bad-cluster"],
    },
    { rule: "rds-iam-authentication-enabled", pass: ["ok-instance", "ok-cluster"], fail: ["bad-instance", "bad-cluster"], notApplicable: ["oracle-instance"] },
    {
      rule: "rds-backup-retention-sufficient",
      pass: ["ok-instance", "oracle-instance", "ok-cluster"],
      fail: ["bad-instance", "bad-cluster"],
      unknown: ["unk-instance"],
      notApplicable: ["replica-instance"],
    },
    { rule: "rds-deletion-protection-enabled", pass: ["ok-instance", "ok-cluster"], fail: ["bad-instance", "bad-cluster"] },
    { rule: "rds-not-publicly-accessible", pass: ["ok-instance", "ok-writer", "ok-reader"], fail: ["bad-instance", "bad-member"] },
    { rule: "rds-log-exports-enabled", pass: ["ok-instance", "oracle-instance", "ok-cluster"], fail: ["bad-instance", "bad-cluster"] },
    {
      rule: "rds-performance-insights-encrypted-with-cmk",
      pass: ["ok-instance", "ok-cluster", "ok-writer"],
      fail: ["bad-instance", "bad-member"],
      notApplicable: ["bad-cluster"],
    },
    { rule: "rds-copy-tags-to-snapshots", pass: ["ok-instance", "ok-cluster"], fail: ["bad-instance", "bad-cluster"] },
    { rule: "rds-multi-az-enabled", pass: ["ok-instance", "replica-instance", "ok-cluster"], fail: ["bad-instance", "bad-cluster"] },
    { rule: "rds-auto-minor-version-upgrade-enabled", pass: ["ok-instance", "ok-writer"], fail: ["bad-instance", "bad-member"] },
    {
      rule: "rds-require-tls-connections",
      pass: ["ok-instance", "replica-instance", "oracle-instance", "ok-cluster"],
      fail: ["bad-instance", "bad-cluster"],
      unknown: ["unk-params"],
    },
    { rule: "rds-enhanced-monitoring-enabled", pass: ["ok-instance", "ok-writer"], fail: ["bad-instance", "bad-member"] },
  ],
} satisfies ServiceCases;

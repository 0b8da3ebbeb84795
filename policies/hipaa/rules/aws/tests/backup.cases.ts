import { HEADER, type ServiceCases } from "./support";

const STORES = `
const attrs = { hashKey: "id", attributes: [{ name: "id", type: "S" }], billingMode: "PAY_PER_REQUEST" };
`;

export const backup = {
  service: "AWS Backup",
  program: `${HEADER}${STORES}
const key = new aws.kms.Key("key", { enableKeyRotation: true });
const okVault = new aws.backup.Vault("ok-vault", { kmsKeyArn: key.arn });
new aws.backup.VaultLockConfiguration("ok-vault-lock", { backupVaultName: okVault.name, minRetentionDays: 35 });
const drVault = new aws.backup.Vault("dr-vault", { region: "us-west-2", kmsKeyArn: key.arn });
new aws.backup.VaultLockConfiguration("dr-vault-lock", { region: "us-west-2", backupVaultName: drVault.name, minRetentionDays: 35 });
new aws.backup.Vault("named-vault", { name: "clinical", kmsKeyArn: key.arn });
new aws.backup.VaultLockConfiguration("named-vault-lock", { backupVaultName: "clinical", minRetentionDays: 35 });
new aws.backup.Vault("bad-vault");
new aws.backup.Vault("bad-vault-aws-key", { kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:alias/aws/backup" });

const copy = [{ destinationVaultArn: drVault.arn, lifecycle: { deleteAfter: 35 } }];
const okPlan = new aws.backup.Plan("ok-plan", { rules: [
  { ruleName: "daily", targetVaultName: okVault.name, schedule: "cron(0 5 ? * * *)", lifecycle: { deleteAfter: 35 }, copyActions: copy },
  { ruleName: "continuous", targetVaultName: okVault.name, enableContinuousBackup: true, lifecycle: { deleteAfter: 35 }, copyActions: copy },
] });
new aws.backup.Plan("ok-rate-plan", { rules: [{ ruleName: "twice-daily", targetVaultName: okVault.name, schedule: "rate(12 hours)", copyActions: copy }] });
new aws.backup.Plan("bad-plan", { rules: [{ ruleName: "weekly", targetVaultName: okVault.name, schedule: "cron(0 5 ? * SUN *)", lifecycle: { deleteAfter: 7 } }] });
new aws.backup.Plan("unk-plan", { rules: [{ ruleName: "daily", targetVaultName: okVault.name, schedule: key.arn.apply(() => "cron(0 5 ? * * *)"), copyActions: copy }] });

const okTable = new aws.dynamodb.Table("ok-table", { ...attrs, tags: phi });
const okVolume = new aws.ebs.Volume("ok-volume", { availabilityZone: "us-east-1a", size: 10, tags: phi });
new aws.backup.Selection("by-reference", { planId: okPlan.id, iamRoleArn: "arn:aws:iam::123456789012:role/backup", resources: [okTable.arn, okVolume.arn] });
new aws.dynamodb.Table("bad-table", { ...attrs, tags: phi });
new aws.efs.FileSystem("bad-efs", { tags: phi });
new aws.dynamodb.Table("internal-table", { ...attrs, tags: { "data-classification": "internal" } });
`,
  cases: [
    { rule: "backup-vault-encrypted-with-cmk", pass: ["ok-vault", "dr-vault", "named-vault"], fail: ["bad-vault", "bad-vault-aws-key"] },
    { rule: "backup-vault-lock-enabled", pass: ["ok-vault", "dr-vault", "named-vault"], fail: ["bad-vault", "bad-vault-aws-key"] },
    { rule: "backup-plan-daily-with-35-day-retention", pass: ["ok-plan", "ok-rate-plan"], fail: ["bad-plan"], unknown: ["unk-plan"] },
    { rule: "backup-plan-copies-to-another-region", pass: ["ok-plan", "ok-rate-plan", "unk-plan"], fail: ["bad-plan"] },
    { rule: "backup-selection-covers-phi-data-stores", pass: ["ok-table", "ok-volume", "internal-table"], fail: ["bad-table", "bad-efs"] },
  ],
} satisfies ServiceCases;

export const backupByTag = {
  service: "AWS Backup selection by tag",
  program: `${HEADER}${STORES}
new aws.backup.Selection("by-tag", { planId: "plan-0123", iamRoleArn: "arn:aws:iam::123456789012:role/backup", selectionTags: [{ type: "STRINGEQUALS", key: "data-classification", value: "phi" }] });
new aws.dynamodb.Table("tagged-table", { ...attrs, tags: phi });
new aws.ec2.Instance("tagged-instance", { ami: "ami-0123456789abcdef0", instanceType: "t3.micro", tags: phi });
new aws.rds.Cluster("tagged-cluster", { engine: "aurora-postgresql", masterUsername: "app", manageMasterUserPassword: true, tags: phi });
`,
  cases: [{ rule: "backup-selection-covers-phi-data-stores", pass: ["tagged-table", "tagged-cluster", "tagged-instance"], fail: [] }],
} satisfies ServiceCases;

export const backupUnknownSelection = {
  service: "AWS Backup selection unknown at preview",
  program: `${HEADER}${STORES}
const key = new aws.kms.Key("key", {});
new aws.backup.Selection("unk-selection", { planId: "plan-0123", iamRoleArn: "arn:aws:iam::123456789012:role/backup", selectionTags: [{ type: "STRINGEQUALS", key: "data-classification", value: key.arn.apply(() => "phi") }] });
new aws.dynamodb.Table("tagged-table", { ...attrs, tags: phi });
`,
  cases: [{ rule: "backup-selection-covers-phi-data-stores", pass: [], fail: [], unknown: ["unk-selection"] }],
} satisfies ServiceCases;

import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ruleMetadata, type PhiguardPolicy } from "../engine/rule";
import { HIPAA_PARAGRAPHS, isKnownParagraph } from "./controls";
import { EXTERNAL_RULE_SETS, RULE_SET_IDS, ruleSetCoverage, ruleSetIds } from "./coverage";
import { awsRules, hipaaPolicies, PACK_NAME, PACK_VERSION, residencyRules } from "./index";
import { NOT_COVERED } from "./not-covered";
import type { ServiceCases } from "./rules/aws/tests/support";

const AWS_DIR = path.join(__dirname, "rules", "aws");
const RESIDENCY_DIR = path.join(__dirname, "rules", "residency");
/** The rule files of a folder: every `.ts` file but the index, tests and the named helpers. */
const ruleFilesOf = (dir: string, helpers: readonly string[] = []) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && f !== "index.ts" && !f.endsWith(".test.ts") && !helpers.includes(f))
    .map((f) => f.slice(0, -3))
    .sort();
const ruleFiles = ruleFilesOf(AWS_DIR);

/**
 * The external rules the pack implements, pinned: a rule that stops declaring one (or is deleted)
 * fails the coverage test, and so does a newly covered one until it is added here on purpose.
 */
const COVERED: Readonly<Record<(typeof RULE_SET_IDS)[number], readonly string[]>> = {
  "aws-config-hipaa": [
    "ACM_CERTIFICATE_EXPIRATION_CHECK", "ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK", "ALB_WAF_ENABLED", "API_GW_ASSOCIATED_WITH_WAF",
    "API_GW_EXECUTION_LOGGING_ENABLED", "API_GW_SSL_ENABLED", "AURORA_RESOURCES_PROTECTED_BY_BACKUP_PLAN",
    "AUTOSCALING_GROUP_ELB_HEALTHCHECK_REQUIRED", "AUTOSCALING_LAUNCH_CONFIG_PUBLIC_IP_DISABLED", "BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK",
    "BACKUP_RECOVERY_POINT_ENCRYPTED", "BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED", "CLOUDTRAIL_S3_DATAEVENTS_ENABLED",
    "CLOUDWATCH_ALARM_ACTION_CHECK", "CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED", "CLOUD_TRAIL_ENCRYPTION_ENABLED", "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED",
    "CODEBUILD_PROJECT_ENVVAR_AWSCRED_CHECK", "CODEBUILD_PROJECT_SOURCE_REPO_URL_CHECK", "DB_INSTANCE_BACKUP_ENABLED", "DMS_REPLICATION_NOT_PUBLIC",
    "DYNAMODB_AUTOSCALING_ENABLED", "DYNAMODB_IN_BACKUP_PLAN", "DYNAMODB_PITR_ENABLED", "EBS_IN_BACKUP_PLAN", "EC2_EBS_ENCRYPTION_BY_DEFAULT", "EC2_IMDSV2_CHECK",
    "EC2_INSTANCE_NO_PUBLIC_IP", "EC2_INSTANCE_PROFILE_ATTACHED", "EC2_RESOURCES_PROTECTED_BY_BACKUP_PLAN", "ECS_CONTAINERS_READONLY_ACCESS",
    "ECS_TASK_DEFINITION_USER_FOR_HOST_MODE_CHECK", "EFS_ENCRYPTED_CHECK", "EFS_IN_BACKUP_PLAN", "ELASTICACHE_REDIS_CLUSTER_AUTOMATIC_BACKUP_CHECK",
    "ELASTICSEARCH_ENCRYPTED_AT_REST", "ELASTICSEARCH_IN_VPC_ONLY", "ELASTICSEARCH_LOGS_TO_CLOUDWATCH", "ELASTICSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK",
    "ELASTIC_BEANSTALK_MANAGED_UPDATES_ENABLED", "ELBV2_ACM_CERTIFICATE_REQUIRED", "ELB_ACM_CERTIFICATE_REQUIRED", "ELB_CROSS_ZONE_LOAD_BALANCING_ENABLED",
    "ELB_DELETION_PROTECTION_ENABLED", "ELB_LOGGING_ENABLED", "ELB_PREDEFINED_SECURITY_POLICY_SSL_CHECK", "ELB_TLS_HTTPS_LISTENERS_ONLY",
    "EMR_KERBEROS_ENABLED", "EMR_MASTER_NO_PUBLIC_IP", "ENCRYPTED_VOLUMES", "GUARDDUTY_ENABLED_CENTRALIZED", "IAM_CUSTOMER_POLICY_BLOCKED_KMS_ACTIONS",
    "IAM_INLINE_POLICY_BLOCKED_KMS_ACTIONS", "IAM_PASSWORD_POLICY", "IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS", "IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS",
    "IAM_USER_NO_POLICIES_CHECK", "INCOMING_SSH_DISABLED", "INSTANCES_IN_VPC", "KINESIS_STREAM_ENCRYPTED", "KMS_CMK_NOT_SCHEDULED_FOR_DELETION",
    "LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED", "MULTI_REGION_CLOUD_TRAIL_ENABLED", "OPENSEARCH_ENCRYPTED_AT_REST", "OPENSEARCH_HTTPS_REQUIRED",
    "OPENSEARCH_IN_VPC_ONLY", "OPENSEARCH_LOGS_TO_CLOUDWATCH", "OPENSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK", "RDS_AUTOMATIC_MINOR_VERSION_UPGRADE_ENABLED",
    "RDS_CLUSTER_DELETION_PROTECTION_ENABLED", "RDS_CLUSTER_MULTI_AZ_ENABLED", "RDS_ENHANCED_MONITORING_ENABLED", "RDS_INSTANCE_PUBLIC_ACCESS_CHECK",
    "RDS_IN_BACKUP_PLAN", "RDS_LOGGING_ENABLED", "RDS_MULTI_AZ_SUPPORT", "RDS_SNAPSHOTS_PUBLIC_PROHIBITED", "RDS_SNAPSHOT_ENCRYPTED",
    "RDS_STORAGE_ENCRYPTED", "REDSHIFT_BACKUP_ENABLED", "REDSHIFT_CLUSTER_CONFIGURATION_CHECK", "REDSHIFT_CLUSTER_MAINTENANCESETTINGS_CHECK",
    "REDSHIFT_CLUSTER_PUBLIC_ACCESS_CHECK", "REDSHIFT_REQUIRE_TLS_SSL", "RESTRICTED_INCOMING_TRAFFIC", "S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC", "S3_BUCKET_ACL_PROHIBITED",
    "S3_BUCKET_DEFAULT_LOCK_ENABLED", "S3_BUCKET_LOGGING_ENABLED", "S3_BUCKET_PUBLIC_READ_PROHIBITED", "S3_BUCKET_PUBLIC_WRITE_PROHIBITED",
    "S3_BUCKET_REPLICATION_ENABLED", "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", "S3_BUCKET_SSL_REQUESTS_ONLY", "S3_BUCKET_VERSIONING_ENABLED",
    "S3_DEFAULT_ENCRYPTION_KMS", "S3_VERSION_LIFECYCLE_POLICY_CHECK", "SAGEMAKER_ENDPOINT_CONFIGURATION_KMS_KEY_CONFIGURED",
    "SAGEMAKER_NOTEBOOK_INSTANCE_KMS_KEY_CONFIGURED", "SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS", "SECRETSMANAGER_ROTATION_ENABLED_CHECK",
    "SECRETSMANAGER_USING_CMK", "SECURITYHUB_ENABLED", "SNS_ENCRYPTED_KMS", "SSM_DOCUMENT_NOT_PUBLIC", "SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED",
    "VPC_DEFAULT_SECURITY_GROUP_CLOSED", "VPC_FLOW_LOGS_ENABLED", "VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS", "WAFV2_LOGGING_ENABLED",
  ],
  "cdk-nag-hipaa": [
    "ALBHttpDropInvalidHeaderEnabled", "ALBHttpToHttpsRedirection", "APIGWCacheEnabledAndEncrypted", "APIGWExecutionLoggingEnabled",
    "APIGWSSLEnabled", "APIGWXrayEnabled", "AutoScalingGroupELBHealthCheckRequired", "AutoScalingLaunchConfigPublicIpDisabled",
    "CloudTrailCloudWatchLogsEnabled", "CloudTrailEncryptionEnabled", "CloudTrailLogFileValidationEnabled", "CloudWatchAlarmAction",
    "CloudWatchLogGroupEncrypted", "CloudWatchLogGroupRetentionPeriod", "CodeBuildProjectEnvVarAwsCred", "CodeBuildProjectSourceRepoUrl",
    "DMSReplicationNotPublic", "DynamoDBAutoScalingEnabled", "DynamoDBInBackupPlan", "DynamoDBPITREnabled", "EC2EBSInBackupPlan",
    "EC2IMDSv2Enabled", "EC2InstanceDetailedMonitoringEnabled", "EC2InstanceNoPublicIp", "EC2InstanceProfileAttached", "EC2InstancesInVPC",
    "EC2RestrictedCommonPorts", "EC2RestrictedSSH", "ECSTaskDefinitionUserForHostMode", "EFSEncrypted", "EFSInBackupPlan",
    "ELBACMCertificateRequired", "ELBCrossZoneLoadBalancingEnabled", "ELBDeletionProtectionEnabled", "ELBLoggingEnabled",
    "ELBTlsHttpsListenersOnly", "ELBv2ACMCertificateRequired", "EMRKerberosEnabled", "ElastiCacheRedisClusterAutomaticBackup",
    "ElasticBeanstalkEnhancedHealthReportingEnabled", "ElasticBeanstalkManagedUpdatesEnabled", "IAMPolicyNoStatementsWithAdminAccess",
    "IAMPolicyNoStatementsWithFullAccess", "IAMUserNoPolicies", "LambdaConcurrency", "LambdaDLQ", "LambdaFunctionPublicAccessProhibited",
    "LambdaInsideVPC", "OpenSearchEncryptedAtRest", "OpenSearchErrorLogsToCloudWatch", "OpenSearchInVPCOnly", "OpenSearchNodeToNodeEncryption",
    "RDSAutomaticMinorVersionUpgradeEnabled", "RDSEnhancedMonitoringEnabled", "RDSInBackupPlan", "RDSInstanceBackupEnabled",
    "RDSInstanceDeletionProtectionEnabled", "RDSInstancePublicAccess", "RDSLoggingEnabled", "RDSMultiAZSupport", "RDSStorageEncrypted",
    "RedshiftBackupEnabled", "RedshiftClusterConfiguration", "RedshiftClusterMaintenanceSettings", "RedshiftClusterPublicAccess",
    "RedshiftEnhancedVPCRoutingEnabled", "RedshiftRequireTlsSSL", "S3BucketLevelPublicAccessProhibited", "S3BucketLoggingEnabled",
    "S3BucketPublicReadProhibited", "S3BucketPublicWriteProhibited", "S3BucketReplicationEnabled", "S3BucketSSLRequestsOnly",
    "S3BucketVersioningEnabled", "S3DefaultEncryptionKMS", "SNSEncryptedKMS", "SageMakerEndpointConfigurationKMSKeyConfigured",
    "SageMakerNotebookInstanceKMSKeyConfigured", "SageMakerNotebookNoDirectInternetAccess", "SecretsManagerRotationEnabled",
    "SecretsManagerUsingKMSKey", "VPCDefaultSecurityGroupClosed", "VPCFlowLogsEnabled", "VPCSubnetAutoAssignPublicIpDisabled",
    "WAFv2LoggingEnabled",
  ],
};

/** AWS Config managed rules that are not in the HIPAA conformance pack but that rules may cite. */
const OTHER_AWS_CONFIG_RULES = new Set([
  "ACM_CERTIFICATE_RSA_CHECK",
  "ALB_HTTP_DROP_INVALID_HEADER_ENABLED",
  "API_GW_CACHE_ENABLED_AND_ENCRYPTED",
  "API_GW_XRAY_ENABLED",
  "BEANSTALK_ENHANCED_HEALTH_REPORTING_ENABLED",
  "CLOUDWATCH_LOG_GROUP_ENCRYPTED",
  "CMK_BACKING_KEY_ROTATION_ENABLED",
  "CW_LOGGROUP_RETENTION_PERIOD_CHECK",
  "DYNAMODB_TABLE_ENCRYPTED_KMS",
  "LAMBDA_CONCURRENCY_CHECK",
  "LAMBDA_DLQ_CHECK",
  "LAMBDA_INSIDE_VPC",
  "RDS_INSTANCE_DELETION_PROTECTION_ENABLED",
  "REDSHIFT_ENHANCED_VPC_ROUTING_ENABLED",
]);
/** cdk-nag HIPAA rule IDs of earlier cdk-nag releases. */
const OTHER_CDK_NAG_RULES = new Set(["S3BucketServerSideEncryptionEnabled"]);

async function loadCases(): Promise<ServiceCases[]> {
  const dir = path.join(AWS_DIR, "tests");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".cases.ts"));
  const modules = await Promise.all(files.map((f) => import(path.join(dir, f)) as Promise<Record<string, ServiceCases>>));
  return modules.flatMap((m) => Object.values(m));
}

describe("the HIPAA pack", () => {
  it("is named phiguard-hipaa and versioned like the package", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };
    expect(PACK_NAME).toBe("phiguard-hipaa");
    expect(PACK_VERSION).toBe(pkg.version);
  });

  it("has at least 135 rules, and at least 140 AWS rules, one per file, each file named after its rule", async () => {
    expect(hipaaPolicies.length).toBeGreaterThanOrEqual(135);
    expect(ruleFiles.length).toBeGreaterThanOrEqual(140);
    for (const file of ruleFiles) {
      const rule = ((await import(path.join(AWS_DIR, `${file}.ts`))) as { default: PhiguardPolicy }).default;
      expect(rule.name, `${file}.ts`).toBe(file);
    }
    expect(awsRules.map((r) => r.name)).toEqual(ruleFiles);
  });

  it("has the data-residency rules, one per file, each file named after its rule", async () => {
    const files = ruleFilesOf(RESIDENCY_DIR, ["regions.ts"]);
    expect(files).toEqual(["phi-replicas-in-allowed-regions", "phi-resources-in-allowed-regions"]);
    for (const file of files) {
      const rule = ((await import(path.join(RESIDENCY_DIR, `${file}.ts`))) as { default: PhiguardPolicy }).default;
      expect(rule.name, `${file}.ts`).toBe(file);
    }
    expect(residencyRules.map((r) => r.name)).toEqual(files);
  });

  it("lists every rule once, sorted by name", () => {
    const names = hipaaPolicies.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([...names].sort());
  });

  it.each(hipaaPolicies.map((p) => [p.name, p] as const))("%s cites catalog paragraphs and says how to fix it", (_name, rule) => {
    expect(() => ruleMetadata(rule)).not.toThrow();
    expect(rule.hipaa.length).toBeGreaterThan(0);
    for (const paragraph of rule.hipaa) expect(isKnownParagraph(paragraph), `${rule.name} cites ${paragraph}`).toBe(true);
    expect(new Set(rule.hipaa).size).toBe(rule.hipaa.length);
    expect(rule.remediation.trim().length).toBeGreaterThan(20);
    expect(rule.description.trim().length).toBeGreaterThan(20);
    expect(["advisory", "mandatory"]).toContain(rule.enforcementLevel);
  });

  it.each(awsRules.map((p) => [p.name, p] as const))("%s names the component or argument that fixes it and its external IDs", (_name, rule) => {
    expect(rule.remediation).toMatch(/`[^`]+`/);
    expect(rule.resourceTypes?.length).toBeGreaterThan(0);
    for (const type of rule.resourceTypes ?? []) expect(type).toMatch(/^aws:[a-zA-Z0-9]+\/[a-zA-Z0-9]+:[A-Za-z0-9]+$/);
    const configIds = new Set(EXTERNAL_RULE_SETS["aws-config-hipaa"].map((r) => r.identifier));
    for (const id of rule.controls?.awsConfig ?? []) expect(configIds.has(id) || OTHER_AWS_CONFIG_RULES.has(id), id).toBe(true);
    const nagIds = new Set(EXTERNAL_RULE_SETS["cdk-nag-hipaa"].map((r) => r.rule));
    for (const id of rule.controls?.cdkNag ?? []) {
      expect(id).toMatch(/^HIPAA\.Security-/);
      const bare = id.slice("HIPAA.Security-".length);
      expect(nagIds.has(bare) || OTHER_CDK_NAG_RULES.has(bare), id).toBe(true);
    }
    for (const id of rule.controls?.checkov ?? []) expect(id).toMatch(/^CKV2?_AWS_\d+$/);
    for (const id of rule.controls?.cis ?? []) expect(id).toMatch(/^(AWS 3\.0\.0|EKS 1\.8\.0) \d+(\.\d+)+$/);
  });

  it("tests every AWS rule on a compliant and a non-compliant resource", async () => {
    const cases = (await loadCases()).flatMap((s) => s.cases);
    for (const rule of awsRules) {
      const mine = cases.filter((c) => c.rule === rule.name);
      expect(mine.some((c) => c.pass.length > 0), `${rule.name} has a compliant case`).toBe(true);
      expect(mine.some((c) => c.fail.length > 0), `${rule.name} has a non-compliant case`).toBe(true);
    }
  });

  it("covers the paragraphs of the catalog that are infrastructure checks", () => {
    const cited = new Set(hipaaPolicies.flatMap((p) => p.hipaa));
    const required = ["164.312(a)(1)", "164.312(a)(2)(iv)", "164.312(b)", "164.312(c)(1)", "164.312(e)(1)", "164.312(e)(2)(ii)", "164.308(a)(7)(ii)(A)"];
    for (const p of required) expect(cited.has(p), p).toBe(true);
    expect(HIPAA_PARAGRAPHS.every((p) => p.title.length > 0)).toBe(true);
  });
});

describe("coverage of the external rule sets", () => {
  it.each(RULE_SET_IDS.map((id) => [id] as const))("covers exactly the pinned %s rules", (ruleSet) => {
    const covered = ruleSetCoverage(hipaaPolicies, ruleSet).rules.filter((r) => r.covered).map((r) => r.id);
    const pinned = [...COVERED[ruleSet]].sort();
    expect(pinned.filter((id) => !covered.includes(id)), "pinned rules that no phiguard rule implements any more").toEqual([]);
    expect(covered.filter((id) => !pinned.includes(id)), "newly covered rules: add them to COVERED").toEqual([]);
  });

  it("leaves out only runtime, account-level, process and by-design rules", () => {
    for (const ruleSet of RULE_SET_IDS) {
      for (const r of ruleSetCoverage(hipaaPolicies, ruleSet).rules.filter((x) => !x.covered)) {
        expect(["runtime-only", "account-level", "process", "by-design"], `${ruleSet} ${r.id}`).toContain(r.category);
      }
    }
  });
});

describe("not-covered reasons", () => {
  it.each(RULE_SET_IDS.map((id) => [id] as const))("give a reason for every %s rule phiguard does not implement, and only for those", (ruleSet) => {
    const coverage = ruleSetCoverage(hipaaPolicies, ruleSet);
    for (const r of coverage.rules) {
      if (r.covered) expect(NOT_COVERED[ruleSet][r.id], `${r.id} is covered by ${r.rules.join(", ")}; drop its reason`).toBeUndefined();
      else expect(r.reason, `${r.id} needs a reason in not-covered.ts`).toMatch(/\S{3,}/);
    }
    const ids = new Set(ruleSetIds(ruleSet));
    for (const id of Object.keys(NOT_COVERED[ruleSet])) expect(ids.has(id), `${id} is not a ${ruleSet} rule`).toBe(true);
  });
});

/**
 * analytics-lake: a data lake with a PHI raw zone and a de-identified curated zone. See README.md.
 *
 *   source extracts ──TLS──▶ PhiBucket "raw" (phi, Object Lock, replicated)
 *        │ Glue crawler "raw" (VPC) ──▶ Glue database "raw"           Glue Data Catalog: SSE-KMS (CMK),
 *        ▼                                                            connection passwords encrypted (CMK)
 *   Glue job "deidentify" (VPC, security configuration: CMK) ──▶ PhiBucket "curated" (confidential: de-identified)
 *        │                                                            └─ Glue database "curated" (crawler "curated")
 *   Athena workgroup "analytics": enforced settings, results SSE_KMS (CMK) ──▶ PhiBucket "athena-results" (phi)
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { EnvelopeKey, MultiRegionNetwork, PhiBucket, S3_ACCESS_LOG_KEY_ACCESS } from "../../components";
import { commonKeys, misconfigured, readConfig, setting, supernet, SUPERNET_EXPECTED, wholeNumber, type ConfigValues } from "../shared/config";
import { arnOf, physicalName, plainTags, stackContext, tagging } from "../shared/foundation";
import { LOG_RETENTION_DAYS } from "../shared/lambda";
import { DEIDENTIFY_SCRIPT } from "./deidentify";

export const WORKLOAD = "analytics-lake";

const columnList = z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/));

export const CONFIG_KEYS = {
  ...commonKeys(),
  supernet: setting(supernet.default("10.64.0.0/12"), SUPERNET_EXPECTED),
  curatedClassification: setting(
    z.enum(["confidential", "internal"]).default("confidential"),
    'a non-PHI classification: "confidential" or "internal" (the curated zone holds de-identified data only)',
  ),
  rawRetentionDays: setting(wholeNumber(1, 36500).default(365), "a whole number of Object Lock days from 1 to 36500 for raw extracts, like 365"),
  athenaBytesScannedCutoff: setting(
    z.number().int().min(10_485_760).default(107_374_182_400),
    "a whole number of bytes a query may scan, at least 10485760 (10 MB), like 107374182400 (100 GB)",
  ),
  deidentification: setting(
    z
      .object({ sourceTable: z.string().regex(/^[a-z0-9_]{1,255}$/), dropColumns: columnList, yearOnlyColumns: columnList, zip3Columns: columnList })
      .strict()
      .default({
        sourceTable: "encounters",
        dropColumns: ["patient_name", "mrn", "ssn", "street_address", "phone", "email"],
        yearOnlyColumns: ["birth_date", "admit_date", "discharge_date"],
        zip3Columns: ["zip"],
      }),
    '{"sourceTable":"<raw table>","dropColumns":[...],"yearOnlyColumns":[...],"zip3Columns":[...]} (column names: letters, digits, "_")',
  ),
};
export type AnalyticsLakeConfig = ConfigValues<typeof CONFIG_KEYS>;

export function analyticsLake(): Record<string, pulumi.Input<unknown>> {
  return buildAnalyticsLake(readConfig(CONFIG_KEYS));
}

export function buildAnalyticsLake(config: AnalyticsLakeConfig): Record<string, pulumi.Input<unknown>> {
  const ctx = stackContext(WORKLOAD, config);
  const region = ctx.primaryRegion;
  // Test hook (phiguard:testMisconfigure): at most one of these is true; see README "Misconfiguration variants".
  const broken = misconfigured(config.testMisconfigure);

  const key = new EnvelopeKey("phi", {
    ...tagging(ctx),
    regions: [...config.regions],
    description: "analytics-lake: zones, catalog, job output, query results, logs",
    viaServices: ["s3", "glue", "athena"],
    allowCloudWatchLogs: true,
    servicePrincipals: [S3_ACCESS_LOG_KEY_ACCESS],
  });
  const keyArn = key.arnFor(region);

  // Glue runs in private subnets; S3 through the gateway endpoint, Glue/KMS/Logs/STS through interface endpoints.
  const network = new MultiRegionNetwork("net", {
    ...tagging(ctx),
    regions: [region],
    supernet: config.supernet,
    azCount: 2,
    tiers: ["private"],
    gatewayEndpoints: ["s3"],
    interfaceEndpoints: ["kms", "glue", "logs", "sts"],
    flowLogs: { key },
  });
  const vpc = network.byRegion[region]!;

  // Zones.
  const raw = new PhiBucket("raw", {
    ...tagging(ctx),
    key,
    objectLock: { mode: "GOVERNANCE", retentionDays: config.rawRetentionDays },
    disableAccessLogging: broken.logging,
    skipReplication: broken.backup,
    allowUnencryptedTransport: broken.transport,
  });
  const curated = new PhiBucket("curated", {
    ...tagging(ctx, config.curatedClassification),
    key,
    // De-identified and re-derivable from the raw zone: no second copy.
    skipReplication: true,
  });
  const results = new PhiBucket("athena-results", {
    ...tagging(ctx),
    key,
    // Query results are working copies: current versions expire after 30 days, locked versions after their 7-day retention.
    objectLock: { mode: "GOVERNANCE", retentionDays: 7 },
    lifecycle: { expirationDays: 30, noncurrentExpirationDays: 8 },
  });

  // Glue Data Catalog: metadata and connection passwords encrypted with the CMK.
  new aws.glue.DataCatalogEncryptionSettings("catalog-encryption", {
    region,
    dataCatalogEncryptionSettings: {
      encryptionAtRest: { catalogEncryptionMode: "SSE-KMS", sseAwsKmsKeyId: keyArn },
      connectionPasswordEncryption: { returnConnectionPasswordEncrypted: true, awsKmsKeyId: keyArn },
    },
  });
  const rawDatabase = new aws.glue.CatalogDatabase("raw-database", {
    region,
    name: physicalName("raw", 255).replace(/-/g, "_"),
    description: "Raw zone (PHI)",
    locationUri: pulumi.interpolate`s3://${raw.bucketName}/data/`,
    tags: plainTags(ctx, "raw-database"),
  });
  const curatedDatabase = new aws.glue.CatalogDatabase("curated-database", {
    region,
    name: physicalName("curated", 255).replace(/-/g, "_"),
    description: "Curated zone (de-identified)",
    locationUri: pulumi.interpolate`s3://${curated.bucketName}/data/`,
    tags: plainTags(ctx, "curated-database", config.curatedClassification),
  });

  // Glue security: everything Glue writes (S3, job bookmarks, its own log groups) under the CMK.
  const securityConfiguration = new aws.glue.SecurityConfiguration("glue-security", {
    region,
    name: physicalName("glue"),
    encryptionConfiguration: {
      s3Encryption: { s3EncryptionMode: "SSE-KMS", kmsKeyArn: keyArn },
      jobBookmarksEncryption: { jobBookmarksEncryptionMode: "CSE-KMS", kmsKeyArn: keyArn },
      cloudwatchEncryption: { cloudwatchEncryptionMode: "SSE-KMS", kmsKeyArn: keyArn },
    },
  });
  const logGroupName = `/phiguard/${physicalName("glue")}`;
  const logGroup = new aws.cloudwatch.LogGroup("glue-logs", {
    region,
    name: logGroupName,
    retentionInDays: LOG_RETENTION_DAYS,
    ...(broken.encryption ? {} : { kmsKeyId: keyArn }),
    tags: plainTags(ctx, "glue-logs"),
  });

  // Glue's network: a security group that only talks to itself (Glue workers) and to AWS endpoints.
  const glueSg = new aws.ec2.SecurityGroup("glue-sg", {
    region,
    vpcId: vpc.vpc.id,
    description: "Glue workers: each other only; HTTPS to AWS service endpoints",
    ingress: [
      { description: "Glue workers (self)", protocol: "tcp", fromPort: 0, toPort: 65535, self: true },
      ...(broken.network ? [{ description: "SSH from anywhere", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] : []),
    ],
    egress: [
      { description: "Glue workers (self)", protocol: "tcp", fromPort: 0, toPort: 65535, self: true },
      { description: "HTTPS to the S3 gateway endpoint", protocol: "tcp", fromPort: 443, toPort: 443, prefixListIds: [vpc.endpoints["s3"]!.prefixListId] },
      { description: "HTTPS to interface endpoints", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [vpc.cidr] },
    ],
    revokeRulesOnDelete: true,
    tags: { ...plainTags(ctx, "glue-sg"), Name: "glue-sg" },
  });
  const subnet = vpc.subnets.private[0]!;
  const connection = new aws.glue.Connection("glue-network", {
    region,
    name: physicalName("network"),
    connectionType: "NETWORK",
    physicalConnectionRequirements: { availabilityZone: subnet.availabilityZone, subnetId: subnet.id, securityGroupIdLists: [glueSg.id] },
    tags: plainTags(ctx, "glue-network"),
  });

  // Glue's role: read raw, write curated, its own logs and bookmarks; catalog access through AWSGlueServiceRole.
  const roleName = physicalName("glue");
  const role = new aws.iam.Role("glue-role", {
    name: roleName,
    description: "analytics-lake: Glue crawlers and the de-identification job",
    assumeRolePolicy: ctx.accountId.apply((account) =>
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Sid: "AssumedByGlue", Effect: "Allow", Principal: { Service: "glue.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": account } } }],
      }),
    ),
    maxSessionDuration: 3600,
    tags: plainTags(ctx, "glue-role"),
  });
  const serviceRole = new aws.iam.RolePolicyAttachment("glue-role-service", { role: role.name, policyArn: `arn:${ctx.partition}:iam::aws:policy/service-role/AWSGlueServiceRole` });
  const rolePolicy = new aws.iam.RolePolicy("glue-role-policy", {
    role: role.id,
    policy: pulumi.jsonStringify({
      Version: "2012-10-17",
      Statement: [
        { Sid: "ListZones", Effect: "Allow", Action: ["s3:ListBucket", "s3:GetBucketLocation"], Resource: [raw.arn, curated.arn] },
        { Sid: "ReadRawZone", Effect: "Allow", Action: ["s3:GetObject"], Resource: pulumi.interpolate`${raw.arn}/data/*` },
        { Sid: "WriteCuratedZone", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: pulumi.interpolate`${curated.arn}/data/*` },
        { Sid: "JobScriptsAndTemp", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], Resource: [pulumi.interpolate`${curated.arn}/_glue/scripts/*`, pulumi.interpolate`${curated.arn}/_glue/temp/*`] },
        { Sid: "WriteJobLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: arnOf(ctx, "logs", region, `log-group:${logGroupName}:*`) },
        // The security configuration encrypts the log groups Glue creates (/aws-glue/...) with the CMK.
        { Sid: "EncryptGlueLogGroups", Effect: "Allow", Action: ["logs:AssociateKmsKey"], Resource: arnOf(ctx, "logs", region, "log-group:/aws-glue/*") },
        // Job bookmarks are encrypted client-side (CSE-KMS) by the job itself: the stack's key only,
        // named by its alias (the key ARN is only known after deploy).
        {
          Sid: "JobBookmarkEncryption",
          Effect: "Allow",
          Action: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"],
          Resource: arnOf(ctx, "kms", region, "key/*"),
          Condition: { "ForAnyValue:StringEquals": { "kms:ResourceAliases": key.aliasName } },
        },
      ],
    }),
  });

  // Crawlers: catalog the raw extracts and the curated output.
  const crawlers = [
    { name: "raw", database: rawDatabase.name, path: pulumi.interpolate`s3://${raw.bucketName}/data/`, classification: "phi" as const },
    { name: "curated", database: curatedDatabase.name, path: pulumi.interpolate`s3://${curated.bucketName}/data/`, classification: config.curatedClassification },
  ].map(
    (c) =>
      new aws.glue.Crawler(
        `${c.name}-crawler`,
        {
          region,
          name: physicalName(`${c.name}-crawler`),
          role: role.arn,
          databaseName: c.database,
          s3Targets: [{ path: c.path, connectionName: connection.name }],
          securityConfiguration: securityConfiguration.name,
          schedule: "cron(0 3 * * ? *)",
          schemaChangePolicy: { updateBehavior: "UPDATE_IN_DATABASE", deleteBehavior: "LOG" },
          recrawlPolicy: { recrawlBehavior: "CRAWL_NEW_FOLDERS_ONLY" },
          tags: plainTags(ctx, `${c.name}-crawler`, c.classification),
        },
        { dependsOn: [serviceRole, rolePolicy] },
      ),
  );

  // The de-identification step (a placeholder script: see deidentify.ts and the README).
  const script = new aws.s3.BucketObjectv2("deidentify-script", {
    region,
    bucket: curated.bucketName,
    key: "_glue/scripts/deidentify.py",
    content: DEIDENTIFY_SCRIPT,
    contentType: "text/x-python",
    serverSideEncryption: "aws:kms",
    kmsKeyId: curated.kmsKeyArn,
    tags: plainTags(ctx, "deidentify-script", "internal"),
  });
  const deid = config.deidentification;
  const job = new aws.glue.Job(
    "deidentify",
    {
      region,
      name: physicalName("deidentify"),
      description: "De-identification step: raw (PHI) → curated (de-identified). PLACEHOLDER script: review before use.",
      roleArn: role.arn,
      glueVersion: "5.0",
      workerType: "G.1X",
      numberOfWorkers: 2,
      timeout: 120,
      maxRetries: 0,
      executionProperty: { maxConcurrentRuns: 1 },
      command: { name: "glueetl", pythonVersion: "3", scriptLocation: pulumi.interpolate`s3://${curated.bucketName}/${script.key}` },
      connections: [connection.name],
      securityConfiguration: securityConfiguration.name,
      defaultArguments: {
        "--job-language": "python",
        "--job-bookmark-option": "job-bookmark-enable",
        "--TempDir": pulumi.interpolate`s3://${curated.bucketName}/_glue/temp/`,
        "--enable-continuous-cloudwatch-log": "true",
        "--continuous-log-logGroup": logGroupName,
        "--enable-metrics": "true",
        "--source_database": rawDatabase.name,
        "--source_table": deid.sourceTable,
        "--target_path": pulumi.interpolate`s3://${curated.bucketName}/data/${deid.sourceTable}/`,
        "--drop_columns": deid.dropColumns.join(","),
        "--year_only_columns": deid.yearOnlyColumns.join(","),
        "--zip3_columns": deid.zip3Columns.join(","),
      },
      tags: plainTags(ctx, "deidentify"),
    },
    { dependsOn: [serviceRole, rolePolicy, logGroup] },
  );

  // Athena: the workgroup's settings override the client's; results SSE_KMS under the CMK.
  const workgroup = new aws.athena.Workgroup("analytics", {
    region,
    name: physicalName("analytics", 128),
    description: "analytics-lake queries: enforced encryption and result location",
    state: "ENABLED",
    forceDestroy: false,
    configuration: {
      enforceWorkgroupConfiguration: true,
      enableMinimumEncryptionConfiguration: true,
      publishCloudwatchMetricsEnabled: true,
      bytesScannedCutoffPerQuery: config.athenaBytesScannedCutoff,
      engineVersion: { selectedEngineVersion: "AUTO" },
      resultConfiguration: {
        outputLocation: pulumi.interpolate`s3://${results.bucketName}/athena/`,
        expectedBucketOwner: ctx.accountId,
        encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: keyArn },
      },
    },
    tags: plainTags(ctx, "analytics"),
  });

  return {
    rawBucket: raw.bucketName,
    curatedBucket: curated.bucketName,
    resultsBucket: results.bucketName,
    rawDatabase: rawDatabase.name,
    curatedDatabase: curatedDatabase.name,
    crawlers: crawlers.map((c) => c.name),
    deidentifyJob: job.name,
    athenaWorkgroup: workgroup.name,
    keyAlias: key.aliasName,
    regions: config.regions,
  };
}

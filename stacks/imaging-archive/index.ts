/**
 * imaging-archive: a DICOM object archive. See README.md in this folder.
 *
 *   modality/PACS ──PUT (TLS 1.2+, SSE-KMS)──▶ PhiBucket "dicom" (Object Lock, Glacier tiers) ──replication──▶ replica (region 2)
 *                                                   │ s3:ObjectCreated (studies/*.dcm)
 *                                                   ▼
 *                                             PhiQueue "ingest" ──▶ Lambda "indexer" (VPC) ──▶ PhiTable "studies" (global table)
 *                                                   └─ DLQ ◀── failed messages / failed async invocations
 *   AuditTrail (management + S3 data events of the archive) · BackupPlan (vault lock, cross-region copy)
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import {
  AuditTrail,
  BackupPlan,
  CLOUDTRAIL_KEY_ACCESS,
  EnvelopeKey,
  MultiRegionNetwork,
  PhiBucket,
  PhiQueue,
  PhiTable,
  S3_ACCESS_LOG_KEY_ACCESS,
} from "../../components";
import { commonKeys, misconfigured, readConfig, setting, supernet, SUPERNET_EXPECTED, wholeNumber, type ConfigValues } from "../shared/config";
import { arnOf, physicalName, plainTags, S3_EVENTS_KEY_ACCESS, stackContext, tagging } from "../shared/foundation";
import { functionNetwork, vpcFunction } from "../shared/lambda";
import { appendQueuePolicy, nameTable } from "../shared/patch";
import { INDEXER_SOURCE } from "./indexer";

export const WORKLOAD = "imaging-archive";

/** The stack's config keys (namespace `phiguard`). */
export const CONFIG_KEYS = {
  ...commonKeys(),
  supernet: setting(supernet.default("10.32.0.0/12"), SUPERNET_EXPECTED),
  objectLock: setting(
    z
      .object({ mode: z.enum(["GOVERNANCE", "COMPLIANCE"]), retentionDays: wholeNumber(1, 36500) })
      .strict()
      .default({ mode: "GOVERNANCE", retentionDays: 2555 }),
    '{"mode":"GOVERNANCE"|"COMPLIANCE","retentionDays":1-36500} like {"mode":"GOVERNANCE","retentionDays":2555}',
  ),
  replicaStorageClass: setting(z.enum(["STANDARD", "STANDARD_IA", "GLACIER_IR", "DEEP_ARCHIVE"]).default("GLACIER_IR"), "one of STANDARD, STANDARD_IA, GLACIER_IR, DEEP_ARCHIVE"),
  ingestConcurrency: setting(wholeNumber(2, 1000).default(10), "a whole number of concurrent indexers from 2 to 1000, like 10"),
  backupRetentionDays: setting(wholeNumber(35, 36500).default(35), "a whole number of days from 35 to 36500, like 35"),
  vaultLockMode: setting(z.enum(["compliance", "governance"]).default("compliance"), 'one of "compliance" (irreversible after 3 days) or "governance"'),
};
export type ImagingArchiveConfig = ConfigValues<typeof CONFIG_KEYS>;

export function imagingArchive(): Record<string, pulumi.Input<unknown>> {
  return buildImagingArchive(readConfig(CONFIG_KEYS));
}

export function buildImagingArchive(config: ImagingArchiveConfig): Record<string, pulumi.Input<unknown>> {
  const ctx = stackContext(WORKLOAD, config);
  const region = ctx.primaryRegion;
  // Test hook (phiguard:testMisconfigure): at most one of these is true; see README "Misconfiguration variants".
  const broken = misconfigured(config.testMisconfigure);

  // One customer managed key (and its replica) for every store, log group and queue of the stack.
  const key = new EnvelopeKey("phi", {
    ...tagging(ctx),
    regions: [...config.regions],
    description: "imaging-archive: DICOM objects, index, queues, logs, backups",
    viaServices: ["s3", "sqs", "dynamodb", "lambda", "backup"],
    allowCloudWatchLogs: true,
    servicePrincipals: [CLOUDTRAIL_KEY_ACCESS, S3_ACCESS_LOG_KEY_ACCESS, S3_EVENTS_KEY_ACCESS],
  });

  // The indexer's network: private subnets only, S3/DynamoDB gateway endpoints and a KMS endpoint.
  const network = new MultiRegionNetwork("net", {
    ...tagging(ctx),
    regions: [region],
    supernet: config.supernet,
    azCount: 2,
    tiers: ["private"],
    interfaceEndpoints: ["kms"],
    flowLogs: { key },
  });

  // The archive: Object Lock, Glacier tiers, replicated to the second region.
  const dicom = new PhiBucket("dicom", {
    ...tagging(ctx),
    key,
    lifecycle: "imaging",
    objectLock: config.objectLock,
    replicaStorageClass: config.replicaStorageClass,
    allowUnencryptedTransport: broken.transport,
  });

  // Ingestion: S3 "object created" events → encrypted queue. The component's queue policy denies
  // non-TLS requests; the stack appends the one grant S3 needs (PhiQueue has no option for it yet).
  const s3CanSend = appendQueuePolicy("ingest-studies", (queueArn) =>
    dicom.arn.apply((bucketArn) => [
      {
        Sid: "S3EventsFromTheArchive",
        Effect: "Allow",
        Principal: { Service: "s3.amazonaws.com" },
        Action: "sqs:SendMessage",
        Resource: queueArn,
        Condition: { ArnEquals: { "aws:SourceArn": bucketArn }, StringEquals: { "aws:SourceAccount": queueArn.split(":")[4] } },
      },
    ]),
  );
  const ingest = new PhiQueue(
    "ingest",
    {
      ...tagging(ctx),
      key,
      lanes: [{ name: "studies", maxConcurrency: config.ingestConcurrency }],
      // At least six times the indexer's timeout, as AWS recommends for Lambda event sources.
      visibilityTimeoutSeconds: 180,
    },
    { transformations: [s3CanSend.transformation] },
  );
  s3CanSend.assertApplied();
  const lane = ingest.lanes["studies"]!;
  const notification = new aws.s3.BucketNotification(
    "dicom-events",
    {
      region,
      bucket: dicom.bucketName,
      queues: [{ id: "dicom-instances", queueArn: lane.arn, events: ["s3:ObjectCreated:*"], filterPrefix: "studies/", filterSuffix: ".dcm" }],
    },
    { dependsOn: lane.policy ? [lane.policy] : [] },
  );

  // The index: one item per DICOM instance, replicated to the second region.
  const tableName = physicalName("studies", 255);
  const named = nameTable("studies", tableName);
  new PhiTable(
    "studies",
    {
      ...tagging(ctx),
      key,
      hashKey: "studyInstanceUid",
      rangeKey: "sopInstanceUid",
      attributes: [
        { name: "studyInstanceUid", type: "S" },
        { name: "sopInstanceUid", type: "S" },
      ],
    },
    { transformations: [named.transformation] },
  );
  named.assertApplied();

  // The indexer: validates each new object and indexes it. Everything it may touch is named.
  const queueArn = arnOf(ctx, "sqs", region, lane.queueName);
  const deadLetterArn = arnOf(ctx, "sqs", region, lane.deadLetterQueueName);
  const functionName = physicalName("indexer");
  const indexer = vpcFunction("indexer", {
    region,
    key,
    tags: plainTags(ctx, "indexer"),
    description: "imaging-archive: validates new DICOM objects and indexes them",
    functionName,
    source: INDEXER_SOURCE,
    environment: { STUDIES_TABLE: tableName },
    reservedConcurrency: config.ingestConcurrency,
    timeoutSeconds: 30,
    deadLetterQueueArn: deadLetterArn,
    statements: [
      { Sid: "ConsumeIngestQueue", Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"], Resource: queueArn },
      { Sid: "DeadLetterFailedInvocations", Effect: "Allow", Action: ["sqs:SendMessage"], Resource: deadLetterArn },
      { Sid: "ReadDicomPreamble", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: pulumi.interpolate`${dicom.arn}/studies/*` },
      { Sid: "WriteStudyIndex", Effect: "Allow", Action: ["dynamodb:PutItem"], Resource: arnOf(ctx, "dynamodb", region, `table/${tableName}`) },
    ],
    vpc: functionNetwork(network, region),
    unencryptedEnvironment: broken.encryption,
    outsideVpc: broken.network,
  });
  new aws.lambda.EventSourceMapping(
    "indexer-ingest",
    {
      region,
      functionName: indexer.function.arn,
      eventSourceArn: lane.arn,
      batchSize: 10,
      maximumBatchingWindowInSeconds: 5,
      functionResponseTypes: ["ReportBatchItemFailures"],
      scalingConfig: { maximumConcurrency: lane.maxConcurrency },
    },
    { dependsOn: [notification] },
  );

  // Audit: every API call, plus object-level reads and writes of the archive.
  const audit = new AuditTrail("audit", {
    ...tagging(ctx),
    key,
    dataEventBuckets: broken.logging ? [] : [dicom],
  });

  // Backups: daily, vault-locked, copied to the second region (selects everything tagged phi).
  const backups = new BackupPlan("backups", {
    ...tagging(ctx),
    key,
    retentionDays: config.backupRetentionDays,
    ...(broken.backup ? { skipVaultLock: true } : { vaultLock: { mode: config.vaultLockMode } }),
  });

  return {
    archiveBucket: dicom.bucketName,
    replicaBucket: dicom.replica?.bucketName,
    ingestQueueUrl: lane.url,
    studiesTable: tableName,
    indexerFunction: functionName,
    trailArn: audit.trailArn,
    backupVault: backups.vault.name,
    keyAlias: key.aliasName,
    regions: config.regions,
  };
}

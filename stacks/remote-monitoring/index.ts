/**
 * remote-monitoring: device vitals ingestion with priority lanes. See README.md in this folder.
 *
 *   devices ──MQTT, mutual TLS──▶ AWS IoT Core ──topic rule per lane──▶ PhiQueue "vitals" lanes
 *        critical ─▶ consumer-critical (≤ 50) ─┐                          (each lane: own DLQ, own cap)
 *        standard ─▶ consumer-standard (≤ 20) ─┼─▶ PhiTable "readings" (global table, 2 regions)
 *        batch    ─▶ consumer-batch    (≤ 5)  ─┘
 *   consumer-critical ──out-of-range──▶ SNS "care-team-alerts" (CMK)
 *   DLQ depth > 0 ──CloudWatch alarm──▶ SNS "operations" (CMK) · BackupPlan (vault lock, cross-region copy)
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { BackupPlan, EnvelopeKey, MultiRegionNetwork, PhiQueue, PhiTable } from "../../components";
import { commonKeys, misconfigured, readConfig, setting, supernet, SUPERNET_EXPECTED, wholeNumber, type ConfigValues } from "../shared/config";
import { arnOf, CLOUDWATCH_ALARMS_KEY_ACCESS, physicalName, plainTags, stackContext, tagging, type StackContext } from "../shared/foundation";
import { functionNetwork, vpcFunction, type Statement } from "../shared/lambda";
import { nameTable } from "../shared/patch";
import { CONSUMER_SOURCE } from "./consumer";

export const WORKLOAD = "remote-monitoring";

/** The priority lanes, most urgent first. */
export const LANES = ["critical", "standard", "batch"] as const;
export type Lane = (typeof LANES)[number];

const laneCap = wholeNumber(2, 1000);
const threshold = z.tuple([z.number(), z.number()]).refine(([low, high]) => low < high, { message: "low must be below high" });

export const CONFIG_KEYS = {
  ...commonKeys(),
  supernet: setting(supernet.default("10.48.0.0/12"), SUPERNET_EXPECTED),
  laneConcurrency: setting(
    z.object({ critical: laneCap, standard: laneCap, batch: laneCap }).strict().default({ critical: 50, standard: 20, batch: 5 }),
    '{"critical":n,"standard":n,"batch":n} with whole numbers from 2 to 1000, like {"critical":50,"standard":20,"batch":5}',
  ),
  alertThresholds: setting(
    z.record(z.string().regex(/^[A-Za-z0-9_-]{1,32}$/), threshold).default({ heartRate: [40, 130], spo2: [90, 100], systolicBp: [90, 180] }),
    'a map of metric name to [low, high], like {"heartRate":[40,130],"spo2":[90,100]}',
  ),
  alertSubscriptions: setting(
    z.array(z.object({ protocol: z.enum(["https", "sqs", "lambda"]), endpoint: z.string().min(1) }).strict()).default([]),
    'a list of {"protocol":"https"|"sqs"|"lambda","endpoint":"..."} (no http, email or sms: alerts carry PHI), like [{"protocol":"https","endpoint":"https://paging.example.org/hooks/vitals"}]',
  ),
  backupRetentionDays: setting(wholeNumber(35, 36500).default(35), "a whole number of days from 35 to 36500, like 35"),
  vaultLockMode: setting(z.enum(["compliance", "governance"]).default("compliance"), 'one of "compliance" (irreversible after 3 days) or "governance"'),
};
export type RemoteMonitoringConfig = ConfigValues<typeof CONFIG_KEYS>;

export function remoteMonitoring(): Record<string, pulumi.Input<unknown>> {
  return buildRemoteMonitoring(readConfig(CONFIG_KEYS));
}

export function buildRemoteMonitoring(config: RemoteMonitoringConfig): Record<string, pulumi.Input<unknown>> {
  const ctx = stackContext(WORKLOAD, config);
  const region = ctx.primaryRegion;
  // Test hook (phiguard:testMisconfigure): at most one of these is true; see README "Misconfiguration variants".
  const broken = misconfigured(config.testMisconfigure);

  const key = new EnvelopeKey("phi", {
    ...tagging(ctx),
    regions: [...config.regions],
    description: "remote-monitoring: vitals queues, readings, alerts, logs, backups",
    viaServices: ["sqs", "dynamodb", "lambda", "sns", "backup"],
    allowCloudWatchLogs: true,
    servicePrincipals: [CLOUDWATCH_ALARMS_KEY_ACCESS],
  });

  // Consumers run in private subnets; they reach DynamoDB (gateway), KMS and SNS (interface) endpoints.
  const network = new MultiRegionNetwork("net", {
    ...tagging(ctx),
    regions: [region],
    supernet: config.supernet,
    azCount: 2,
    tiers: ["private"],
    interfaceEndpoints: ["kms", "sns"],
    flowLogs: { key },
  });

  // Bulkheads: one queue (and DLQ) per lane, each with its own consumer cap.
  const vitals = new PhiQueue("vitals", {
    ...tagging(ctx),
    key,
    lanes: LANES.map((name) => ({ name, maxConcurrency: config.laneConcurrency[name] })),
    visibilityTimeoutSeconds: 180,
    allowUnencryptedTransport: broken.transport,
  });

  // Readings: one item per reading, a global table in both regions.
  const tableName = physicalName("readings", 255);
  const named = nameTable("readings", tableName);
  new PhiTable(
    "readings",
    {
      ...tagging(ctx),
      key,
      hashKey: "patientId",
      rangeKey: "readingKey",
      attributes: [
        { name: "patientId", type: "S" },
        { name: "readingKey", type: "S" },
      ],
      disablePointInTimeRecovery: broken.backup,
    },
    { transformations: [named.transformation] },
  );
  named.assertApplied();

  // Alerting: the care team's topic (clinical alerts) and the operations topic (DLQ alarms).
  const careTeam = alertTopic(ctx, "care-team-alerts", key.arnFor(region), broken.encryption);
  const operations = alertTopic(ctx, "operations", key.arnFor(region), false);
  config.alertSubscriptions.forEach((subscription, i) => {
    new aws.sns.TopicSubscription(`care-team-alerts-subscription-${i}`, {
      region,
      topic: careTeam.arn,
      protocol: subscription.protocol,
      endpoint: subscription.endpoint,
    });
  });

  // Ingestion: devices publish to devices/<deviceId>/vitals/<lane> over MQTT with mutual TLS; one
  // IoT topic rule per lane forwards to the lane's queue (failures to its DLQ).
  const iotRole = new aws.iam.Role("iot-ingest-role", {
    description: "AWS IoT Core topic rules forward device vitals to the lane queues",
    assumeRolePolicy: ctx.accountId.apply((account) =>
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Sid: "AssumedByIotRules", Effect: "Allow", Principal: { Service: "iot.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": account } } },
        ],
      }),
    ),
    maxSessionDuration: 3600,
    tags: plainTags(ctx, "iot-ingest-role"),
  });
  const laneArns = LANES.flatMap((lane) => [arnOf(ctx, "sqs", region, vitals.lanes[lane]!.queueName), arnOf(ctx, "sqs", region, vitals.lanes[lane]!.deadLetterQueueName)]);
  const iotPolicy = new aws.iam.RolePolicy("iot-ingest-role-policy", {
    role: iotRole.id,
    policy: pulumi.jsonStringify({ Version: "2012-10-17", Statement: [{ Sid: "SendToLanes", Effect: "Allow", Action: ["sqs:SendMessage"], Resource: laneArns }] }),
  });

  const outputs: Record<string, pulumi.Input<unknown>> = {};
  for (const lane of LANES) {
    const queue = vitals.lanes[lane]!;
    const ruleName = physicalName(`vitals-${lane}`, 128).replace(/-/g, "_");
    new aws.iot.TopicRule(
      `vitals-${lane}-rule`,
      {
        region,
        name: ruleName,
        description: `Device vitals of the ${lane} lane to its queue`,
        enabled: true,
        sql: `SELECT *, topic(2) AS deviceId FROM 'devices/+/vitals/${lane}'`,
        sqlVersion: "2016-03-23",
        sqs: [{ queueUrl: queue.url, roleArn: iotRole.arn, useBase64: false }],
        errorAction: { sqs: { queueUrl: queue.deadLetterQueue.url, roleArn: iotRole.arn, useBase64: false } },
        tags: plainTags(ctx, `vitals-${lane}-rule`),
      },
      { dependsOn: [iotPolicy] },
    );

    // The lane's consumer: reserved concurrency and the event source cap both equal the lane's cap.
    const functionName = physicalName(`consumer-${lane}`);
    const queueArn = arnOf(ctx, "sqs", region, queue.queueName);
    const deadLetterArn = arnOf(ctx, "sqs", region, queue.deadLetterQueueName);
    const statements: Statement[] = [
      { Sid: "ConsumeLane", Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"], Resource: queueArn },
      { Sid: "DeadLetterFailedInvocations", Effect: "Allow", Action: ["sqs:SendMessage"], Resource: deadLetterArn },
      { Sid: "WriteReadings", Effect: "Allow", Action: ["dynamodb:PutItem"], Resource: arnOf(ctx, "dynamodb", region, `table/${tableName}`) },
      ...(lane === "critical" ? [{ Sid: "PublishCareTeamAlerts", Effect: "Allow" as const, Action: ["sns:Publish"], Resource: careTeam.arnAtPreview }] : []),
    ];
    const consumer = vpcFunction(`consumer-${lane}`, {
      region,
      key,
      tags: plainTags(ctx, `consumer-${lane}`),
      description: `remote-monitoring: stores ${lane} vitals${lane === "critical" ? " and alerts the care team" : ""}`,
      functionName,
      source: CONSUMER_SOURCE,
      environment: {
        LANE: lane,
        READINGS_TABLE: tableName,
        ...(lane === "critical" ? { ALERT_TOPIC_ARN: careTeam.arnAtPreview, THRESHOLDS: JSON.stringify(config.alertThresholds) } : {}),
      },
      reservedConcurrency: queue.maxConcurrency,
      timeoutSeconds: 30,
      deadLetterQueueArn: deadLetterArn,
      statements,
      vpc: functionNetwork(network, region),
      ...(broken.logging ? { logRetentionDays: 30 } : {}),
      outsideVpc: broken.network && lane === "critical",
    });
    new aws.lambda.EventSourceMapping(`consumer-${lane}-source`, {
      region,
      functionName: consumer.function.arn,
      eventSourceArn: queue.arn,
      batchSize: lane === "batch" ? 100 : 10,
      maximumBatchingWindowInSeconds: lane === "critical" ? 0 : lane === "standard" ? 5 : 30,
      functionResponseTypes: ["ReportBatchItemFailures"],
      scalingConfig: { maximumConcurrency: queue.maxConcurrency },
    });

    // A message in a DLQ is a reading that was not stored: page operations.
    new aws.cloudwatch.MetricAlarm(`vitals-${lane}-dlq-alarm`, {
      region,
      name: physicalName(`vitals-${lane}-dlq-not-empty`, 255),
      alarmDescription: `Readings of the ${lane} lane failed and wait in its dead-letter queue`,
      namespace: "AWS/SQS",
      metricName: "ApproximateNumberOfMessagesVisible",
      dimensions: { QueueName: queue.deadLetterQueueName },
      statistic: "Maximum",
      period: 60,
      evaluationPeriods: 1,
      threshold: 0,
      comparisonOperator: "GreaterThanThreshold",
      treatMissingData: "notBreaching",
      actionsEnabled: true,
      alarmActions: [operations.arn],
      okActions: [operations.arn],
      tags: plainTags(ctx, `vitals-${lane}-dlq-alarm`, "confidential"),
    });
    outputs[`${lane}QueueUrl`] = queue.url;
  }

  const backups = new BackupPlan("backups", {
    ...tagging(ctx),
    key,
    retentionDays: config.backupRetentionDays,
    vaultLock: { mode: config.vaultLockMode },
  });

  return {
    ...outputs,
    readingsTable: tableName,
    careTeamTopicArn: careTeam.arn,
    operationsTopicArn: operations.arn,
    deviceTopics: "devices/<deviceId>/vitals/<critical|standard|batch>",
    backupVault: backups.vault.name,
    keyAlias: key.aliasName,
    regions: config.regions,
  };
}

/** An SNS topic encrypted with the CMK; only this account (and its CloudWatch alarms) may publish, over TLS only. */
function alertTopic(ctx: StackContext, name: string, keyArn: pulumi.Input<string>, unencrypted: boolean) {
  const region = ctx.primaryRegion;
  const topicName = physicalName(name, 256);
  const arnAtPreview = arnOf(ctx, "sns", region, topicName);
  const topic = new aws.sns.Topic(name, {
    region,
    name: topicName,
    ...(unencrypted ? {} : { kmsMasterKeyId: keyArn }),
    tags: plainTags(ctx, name),
  });
  new aws.sns.TopicPolicy(`${name}-policy`, {
    region,
    arn: topic.arn,
    policy: pulumi.all([arnAtPreview, ctx.accountId]).apply(([arn, account]) =>
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "ThisAccountOnly",
            Effect: "Allow",
            Principal: { AWS: `arn:${ctx.partition}:iam::${account}:root` },
            Action: ["sns:Publish", "sns:Subscribe", "sns:GetTopicAttributes", "sns:ListSubscriptionsByTopic"],
            Resource: arn,
          },
          {
            Sid: "CloudWatchAlarmsOfThisAccount",
            Effect: "Allow",
            Principal: { Service: "cloudwatch.amazonaws.com" },
            Action: "sns:Publish",
            Resource: arn,
            Condition: { ArnLike: { "aws:SourceArn": `arn:${ctx.partition}:cloudwatch:${region}:${account}:alarm:*` } },
          },
          { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "sns:*", Resource: arn, Condition: { Bool: { "aws:SecureTransport": "false" } } },
        ],
      }),
    ),
  });
  return { topic, arn: topic.arn, arnAtPreview };
}

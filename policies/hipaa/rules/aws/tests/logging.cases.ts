import { HEADER, type ServiceCases } from "./support";

const WEB_ACL = `{ scope: "REGIONAL", defaultAction: { allow: {} }, visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "acl", sampledRequestsEnabled: true } }`;

/** CloudTrail, CloudWatch Logs and alarms, WAF logging. */
export const logging = {
  service: "CloudTrail, CloudWatch and WAF logging",
  program: `${HEADER}
const key = new aws.kms.Key("key", { enableKeyRotation: true });
const accessLogs = new aws.s3.Bucket("access-logs", { tags: { "data-classification": "internal" } });
const trailBucket = new aws.s3.Bucket("trail-bucket", { bucket: "audit-trail" });
new aws.s3.BucketPublicAccessBlock("trail-bucket-pab", { bucket: trailBucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
new aws.s3.BucketLogging("trail-bucket-logging", { bucket: trailBucket.id, targetBucket: accessLogs.id, targetPrefix: "trail/" });
const openBucket = new aws.s3.Bucket("open-trail-bucket", { bucket: "open-trail" });
const trailLogs = new aws.cloudwatch.LogGroup("ok-log-group", { retentionInDays: 365, kmsKeyId: key.arn });
new aws.cloudtrail.Trail("ok-trail", {
  s3BucketName: trailBucket.id, isMultiRegionTrail: true, enableLogFileValidation: true, kmsKeyId: key.arn,
  cloudWatchLogsGroupArn: pulumi.interpolate\`\${trailLogs.arn}:*\`, cloudWatchLogsRoleArn: "arn:aws:iam::123456789012:role/trail-to-logs",
  eventSelectors: [{ readWriteType: "All", includeManagementEvents: true, dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] }],
});
new aws.cloudtrail.Trail("bad-trail", { s3BucketName: "bucket-in-another-account", includeGlobalServiceEvents: false });
new aws.cloudtrail.Trail("bad-trail-open-bucket", { s3BucketName: "open-trail", isMultiRegionTrail: true, includeGlobalServiceEvents: false, enableLogFileValidation: true, kmsKeyId: "alias/aws/cloudtrail", cloudWatchLogsGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:trail:*" });
new aws.cloudtrail.Trail("selectors-unknown-trail", { s3BucketName: trailBucket.id, eventSelectors: [{ readWriteType: "All", dataResources: [{ type: key.arn.apply(() => "AWS::S3::Object"), values: ["arn:aws:s3"] }] }] });
new aws.cloudtrail.Trail("unk-trail", { s3BucketName: trailBucket.id, isMultiRegionTrail: key.arn.apply(() => true), enableLogFileValidation: key.arn.apply(() => true), kmsKeyId: key.arn, cloudWatchLogsGroupArn: trailLogs.arn, cloudWatchLogsRoleArn: "arn:aws:iam::123456789012:role/trail-to-logs" });

new aws.cloudwatch.LogGroup("ok-log-group-forever", { kmsKeyId: key.arn });
new aws.cloudwatch.LogGroup("bad-log-group", { retentionInDays: 30 });
new aws.cloudwatch.LogGroup("unk-log-group", { retentionInDays: key.arn.apply(() => 400), kmsKeyId: key.arn });

const topic = new aws.sns.Topic("alarms", { kmsMasterKeyId: key.arn });
const alarm = { comparisonOperator: "GreaterThanOrEqualToThreshold", evaluationPeriods: 1, metricName: "UnauthorizedAttemptCount", namespace: "CloudTrailMetrics", period: 300, statistic: "Sum", threshold: 1 };
new aws.cloudwatch.MetricAlarm("ok-alarm", { ...alarm, alarmActions: [topic.arn] });
new aws.cloudwatch.MetricAlarm("bad-alarm", alarm);
new aws.cloudwatch.MetricAlarm("bad-alarm-disabled", { ...alarm, alarmActions: [topic.arn], actionsEnabled: false });

const okAcl = new aws.wafv2.WebAcl("ok-web-acl", ${WEB_ACL});
new aws.wafv2.WebAclLoggingConfiguration("ok-web-acl-logging", { resourceArn: okAcl.arn, logDestinationConfigs: ["arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-app"] });
new aws.wafv2.WebAcl("bad-web-acl", ${WEB_ACL});
`,
  cases: [
    { rule: "cloudtrail-multi-region-enabled", pass: ["ok-trail"], fail: ["bad-trail", "bad-trail-open-bucket", "selectors-unknown-trail"], unknown: ["unk-trail"] },
    { rule: "cloudtrail-log-file-validation-enabled", pass: ["ok-trail", "bad-trail-open-bucket"], fail: ["bad-trail", "selectors-unknown-trail"], unknown: ["unk-trail"] },
    { rule: "cloudtrail-encrypted-with-kms", pass: ["ok-trail", "unk-trail"], fail: ["bad-trail", "bad-trail-open-bucket", "selectors-unknown-trail"] },
    { rule: "cloudtrail-cloudwatch-logs-enabled", pass: ["ok-trail", "unk-trail"], fail: ["bad-trail", "bad-trail-open-bucket", "selectors-unknown-trail"] },
    { rule: "cloudtrail-s3-data-events-enabled", pass: ["ok-trail", "bad-trail", "unk-trail", "selectors-unknown-trail"], fail: [] },
    { rule: "cloudtrail-bucket-private-and-logged", pass: ["ok-trail", "unk-trail", "selectors-unknown-trail"], fail: ["bad-trail", "bad-trail-open-bucket"] },
    { rule: "cloudwatch-log-group-encrypted-with-kms", pass: ["ok-log-group", "ok-log-group-forever", "unk-log-group"], fail: ["bad-log-group"] },
    { rule: "cloudwatch-log-group-retention-at-least-365-days", pass: ["ok-log-group", "ok-log-group-forever"], fail: ["bad-log-group"], unknown: ["unk-log-group"] },
    { rule: "cloudwatch-alarm-has-actions", pass: ["ok-alarm"], fail: ["bad-alarm", "bad-alarm-disabled"] },
    { rule: "wafv2-web-acl-logging-enabled", pass: ["ok-web-acl"], fail: ["bad-web-acl"] },
  ],
} satisfies ServiceCases;

/** A stack whose trails log no S3 data events (the stack-level verdict of cloudtrail-s3-data-events-enabled). */
export const trailsWithoutDataEvents = {
  service: "CloudTrail without data events",
  program: `${HEADER}
new aws.cloudtrail.Trail("management-only", { s3BucketName: "audit", isMultiRegionTrail: true, eventSelectors: [{ readWriteType: "All", includeManagementEvents: true }] });
new aws.cloudtrail.Trail("lambda-data-only", {
  s3BucketName: "audit",
  advancedEventSelectors: [{ name: "lambda", fieldSelectors: [{ field: "eventCategory", equals: ["Data"] }, { field: "resources.type", equals: ["AWS::Lambda::Function"] }] }],
});
`,
  cases: [{ rule: "cloudtrail-s3-data-events-enabled", pass: [], fail: ["management-only", "lambda-data-only"] }],
} satisfies ServiceCases;

/** Trails that log no S3 data events as far as is known, and one whose selectors are unknown at preview. */
export const trailsWithUnknownSelectors = {
  service: "CloudTrail with selectors unknown at preview",
  program: `${HEADER}
const key = new aws.kms.Key("key", {});
new aws.cloudtrail.Trail("management-only", { s3BucketName: "audit", isMultiRegionTrail: true });
new aws.cloudtrail.Trail("unk-selectors", { s3BucketName: "audit", eventSelectors: [{ readWriteType: "All", dataResources: [{ type: key.arn.apply(() => "AWS::S3::Object"), values: ["arn:aws:s3"] }] }] });
`,
  cases: [{ rule: "cloudtrail-s3-data-events-enabled", pass: [], fail: [], unknown: ["unk-selectors"] }],
} satisfies ServiceCases;

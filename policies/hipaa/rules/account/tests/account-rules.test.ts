/**
 * The account-root rules through the real planner and the offline engine, on hand-written programs
 * (no phiguard component: the rules must recognise any implementation). `COMPLIANT` sets up an
 * account root in us-east-1 from plain `@pulumi/aws` resources (legacy GuardDuty datasources, CIS
 * 1.4.0, literal names and ARNs, combined metric filters); `DEFECTIVE` gets something wrong for every
 * rule across us-east-1 and us-west-2; `BARE` is an account root with nothing but a bucket.
 * (`components/account/accountRoot.test.ts` checks the phiguard components pass.)
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../../../../cli/plan";
import { planTestProgram } from "../../../../../test/support/plan";
import { evaluatePlan, type EvaluateOptions, type EvaluationResult, type Finding } from "../../../../engine";
import { isKnownParagraph } from "../../../controls";
import { accountRules } from "..";

const TAGS = { "phiguard:account-root": "true" };
const ACCOUNT = "123456789012";

const HEADER = `
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
const r = "us-east-1";
const configTrust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "config.amazonaws.com" }, Action: "sts:AssumeRole" }] });
`;

const COMPLIANT = `${HEADER}
const detector = new aws.guardduty.Detector("gd", {
  region: r,
  enable: true,
  datasources: {
    s3Logs: { enable: true },
    kubernetes: { auditLogs: { enable: true } },
    malwareProtection: { scanEc2InstanceWithFindings: { ebsVolumes: { enable: true } } },
  },
});
new aws.guardduty.DetectorFeature("gd-rds", { region: r, detectorId: detector.id, name: "RDS_LOGIN_EVENTS", status: "ENABLED" });
new aws.guardduty.DetectorFeature("gd-eks-runtime", { region: r, detectorId: detector.id, name: "EKS_RUNTIME_MONITORING", status: "ENABLED" });

const hub = new aws.securityhub.Account("hub", { region: r });
new aws.securityhub.StandardsSubscription("hub-fsbp", { region: r, standardsArn: "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0" }, { dependsOn: [hub] });
new aws.securityhub.StandardsSubscription("hub-cis", { region: r, standardsArn: "arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/1.4.0" }, { dependsOn: [hub] });

const role = new aws.iam.Role("config-role", { assumeRolePolicy: configTrust });
const recorder = new aws.cfg.Recorder("recorder", { region: r, name: "main", roleArn: role.arn, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } });
const channel = new aws.cfg.DeliveryChannel("channel", { region: r, name: "main", s3BucketName: "org-config-history" }, { dependsOn: [recorder] });
new aws.cfg.RecorderStatus("recorder-on", { region: r, name: "main", isEnabled: true }, { dependsOn: [channel] });
new aws.cfg.ConformancePack("hipaa", { region: r, name: "hipaa", templateS3Uri: "s3://org-templates-use1/hipaa.yaml" }, { dependsOn: [recorder] });

new aws.accessanalyzer.Analyzer("analyzer", { region: r, analyzerName: "account", type: "ACCOUNT" });
new aws.ebs.EncryptionByDefault("ebs", { region: r, enabled: true });
new aws.ebs.DefaultKmsKey("ebs-key", { region: r, keyArn: "arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab" });
new aws.s3.AccountPublicAccessBlock("pab", { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
new aws.iam.AccountPasswordPolicy("passwords", {
  minimumPasswordLength: 16, passwordReusePrevention: 24, maxPasswordAge: 60,
  requireLowercaseCharacters: true, requireUppercaseCharacters: true, requireNumbers: true, requireSymbols: true,
});

// An organization trail's log group made elsewhere: joined by its literal name.
new aws.cloudtrail.Trail("trail", {
  region: r,
  s3BucketName: "org-trail",
  isMultiRegionTrail: true,
  cloudWatchLogsGroupArn: "arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/cloudtrail/org:*",
  cloudWatchLogsRoleArn: "arn:aws:iam::${ACCOUNT}:role/trail-to-logs",
});
const changes = [
  "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy", "PutUserPolicy", "CreatePolicy", "DeletePolicy",
  "CreatePolicyVersion", "DeletePolicyVersion", "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy", "AttachGroupPolicy",
  "DetachGroupPolicy", "CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging", "DisableKey", "ScheduleKeyDeletion", "PutBucketAcl",
  "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication", "DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle",
  "DeleteBucketReplication", "StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel", "PutConfigurationRecorder",
  "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress", "CreateSecurityGroup",
  "DeleteSecurityGroup", "CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry",
  "ReplaceNetworkAclAssociation", "CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway", "CreateInternetGateway",
  "DeleteInternetGateway", "DetachInternetGateway", "CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation",
  "DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable", "CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection",
  "CreateVpcPeeringConnection", "DeleteVpcPeeringConnection", "RejectVpcPeeringConnection", "AttachClassicLinkVpc", "DetachClassicLinkVpc",
  "DisableVpcClassicLink", "EnableVpcClassicLink", "AcceptHandshake", "AttachPolicy", "CreateAccount", "CreateOrganizationalUnit",
  "DeclineHandshake", "DeleteOrganization", "DeleteOrganizationalUnit", "DetachPolicy", "DisablePolicyType", "EnablePolicyType",
  "InviteAccountToOrganization", "LeaveOrganization", "MoveAccount", "RemoveAccountFromOrganization", "UpdatePolicy", "UpdateOrganizationalUnit",
];
const filters: Record<string, string> = {
  root: '{ ($.userIdentity.type = "Root") && ($.userIdentity.invokedBy NOT EXISTS) && ($.eventType != "AwsServiceEvent") }',
  denied: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
  console: '{ ($.eventName = "ConsoleLogin") && (($.additionalEventData.MFAUsed = "No") || ($.errorMessage = "Failed authentication")) }',
  changes: "{ " + changes.map((n) => '($.eventName = "' + n + '")').join(" || ") + " }",
};
for (const [name, pattern] of Object.entries(filters)) {
  new aws.cloudwatch.LogMetricFilter(name + "-filter", {
    region: r, name, logGroupName: "/aws/cloudtrail/org", pattern,
    metricTransformation: { name: name + "-count", namespace: "Org/Security", value: "1" },
  });
  new aws.cloudwatch.MetricAlarm(name + "-alarm", {
    region: r, namespace: "Org/Security", metricName: name + "-count", statistic: "Sum", period: 300, evaluationPeriods: 1,
    threshold: 1, comparisonOperator: "GreaterThanOrEqualToThreshold", alarmActions: ["arn:aws:sns:us-east-1:${ACCOUNT}:security"],
  });
}
`;

const DEFECTIVE = `${HEADER}
const detector = new aws.guardduty.Detector("gd-east", { region: r, enable: true });
new aws.guardduty.DetectorFeature("gd-east-s3", { region: r, detectorId: detector.id, name: "S3_DATA_EVENTS", status: "ENABLED" });
new aws.guardduty.DetectorFeature("gd-east-rds", { region: r, detectorId: detector.id, name: "RDS_LOGIN_EVENTS", status: "DISABLED" });
const hub = new aws.securityhub.Account("hub-east", { region: r });
new aws.securityhub.StandardsSubscription("hub-east-fsbp", { region: r, standardsArn: "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0" }, { dependsOn: [hub] });
const role = new aws.iam.Role("config-role", { assumeRolePolicy: configTrust });
new aws.cfg.Recorder("recorder-east", { region: r, roleArn: role.arn, recordingGroup: { allSupported: false, resourceTypes: ["AWS::S3::Bucket"] } });
new aws.accessanalyzer.Analyzer("unused-east", { region: r, analyzerName: "unused", type: "ACCOUNT_UNUSED_ACCESS", configuration: { unusedAccess: { unusedAccessAge: 90 } } });
new aws.ebs.EncryptionByDefault("ebs-east", { region: r, enabled: false });
new aws.ebs.DefaultKmsKey("ebs-key-east", { region: r, keyArn: "arn:aws:kms:us-east-1:${ACCOUNT}:alias/aws/ebs" });
new aws.s3.AccountPublicAccessBlock("pab", { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: false });
new aws.s3.Bucket("west-bucket", { region: "us-west-2" });

const group = new aws.cloudwatch.LogGroup("trail-logs", { region: r, name: "/aws/cloudtrail/main", retentionInDays: 365 });
new aws.cloudtrail.Trail("trail", {
  region: r, s3BucketName: "main-trail", isMultiRegionTrail: true,
  cloudWatchLogsGroupArn: pulumi.interpolate\`\${group.arn}:*\`, cloudWatchLogsRoleArn: "arn:aws:iam::${ACCOUNT}:role/trail-to-logs",
});
const filters: Record<string, [string, boolean]> = {
  // matches every event: alarms on everything, so it covers nothing
  everything: ["{ $.eventVersion EXISTS }", true],
  // CIS's unparenthesised pattern: && and || mixed on one level
  mixed: ['{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.eventName != "HeadBucket") }', true],
  // right pattern, but its alarm notifies nobody
  root: ['{ ($.userIdentity.type = "Root") && ($.userIdentity.invokedBy NOT EXISTS) }', false],
  // right pattern and a notifying alarm: covers sign-ins without MFA (and failed sign-ins, whose MFAUsed is "No")
  mfa: ['{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }', true],
};
for (const [name, [pattern, notifies]] of Object.entries(filters)) {
  new aws.cloudwatch.LogMetricFilter(name + "-filter", {
    region: r, name, logGroupName: group.name, pattern,
    metricTransformation: { name, namespace: "Main/Security", value: "1" },
  });
  new aws.cloudwatch.MetricAlarm(name + "-alarm", {
    region: r, namespace: "Main/Security", metricName: name, statistic: "Sum", period: 300, evaluationPeriods: 1,
    threshold: 1, comparisonOperator: "GreaterThanOrEqualToThreshold",
    alarmActions: notifies ? ["arn:aws:sns:us-east-1:${ACCOUNT}:security"] : [],
  });
}
// A filter on a log group no trail writes to does not count.
const appLogs = new aws.cloudwatch.LogGroup("app-logs", { region: r, name: "/app/ehr", retentionInDays: 365 });
new aws.cloudwatch.LogMetricFilter("app-root-filter", {
  region: r, name: "app-root", logGroupName: appLogs.name, pattern: '{ $.userIdentity.type = "Root" }',
  metricTransformation: { name: "app-root", namespace: "Main/Security", value: "1" },
});
new aws.cloudwatch.MetricAlarm("app-root-alarm", {
  region: r, namespace: "Main/Security", metricName: "app-root", statistic: "Sum", period: 300, evaluationPeriods: 1,
  threshold: 1, comparisonOperator: "GreaterThanOrEqualToThreshold", alarmActions: ["arn:aws:sns:us-east-1:${ACCOUNT}:security"],
});
`;

const BARE = `${HEADER}
new aws.s3.Bucket("lonely", { region: r });
`;

const nameOf = (f: Finding) => f.resourceName ?? "";

async function run(plan: Plan, options: EvaluateOptions = {}): Promise<EvaluationResult> {
  return evaluatePlan({ ...plan, stackTags: TAGS }, accountRules, options);
}

function violations(result: EvaluationResult, rule: string): string[] {
  return result.findings
    .filter((f) => f.ruleId === rule && f.kind === "violation")
    .map((f) => `${nameOf(f)}: ${f.message.split("\n").slice(1).join(" ")}`)
    .sort();
}

describe("account-root rules", () => {
  let compliant: Plan;
  let defective: Plan;
  let bare: Plan;
  let defects: EvaluationResult;

  beforeAll(async () => {
    [compliant, defective, bare] = await Promise.all([
      planTestProgram(COMPLIANT),
      planTestProgram(DEFECTIVE),
      planTestProgram(BARE),
    ]);
    defects = await run(defective);
  }, 120_000);

  it("are one per file, sorted, each citing catalog paragraphs and naming AccountBaseline or SecurityMonitoring", () => {
    const names = accountRules.map((r) => r.name);
    expect(names).toEqual([...names].sort());
    for (const rule of accountRules) {
      expect(rule.name).toMatch(/^account-root-/);
      for (const p of rule.hipaa) expect(isKnownParagraph(p), `${rule.name} cites ${p}`).toBe(true);
      expect(rule.remediation).toMatch(/`(AccountBaseline|SecurityMonitoring)`/);
      expect(rule.enforcementLevel).toBe("mandatory");
    }
  });

  it.each(accountRules.map((r) => [r.name] as const))("%s passes a compliant account root built from plain resources", async (rule) => {
    const result = await run(compliant);
    expect(result.findings.filter((f) => f.ruleId === rule)).toEqual([]);
    expect(result.notApplicable.filter((n) => n.ruleId === rule)).toEqual([]);
  });

  it.each(accountRules.map((r) => [r.name] as const))("%s reports an account root with nothing of it", async (rule) => {
    const result = await run(bare);
    expect(violations(result, rule).length, rule).toBeGreaterThan(0);
  });

  it.each(accountRules.map((r) => [r.name] as const))("%s is not applicable to a stack that is not an account root", async (rule) => {
    for (const stackTags of [{}, { "phiguard:account-root": "false" }] as Record<string, string>[]) {
      const result = await evaluatePlan({ ...bare, stackTags }, accountRules);
      expect(result.findings.filter((f) => f.ruleId === rule)).toEqual([]);
      expect(result.notApplicable.filter((n) => n.ruleId === rule)).toEqual([
        { ruleId: rule, reason: 'the stack is not an account root (stack tag phiguard:account-root is not "true")' },
      ]);
    }
  });

  it("account-root-has-guardduty: a detector without every protection, a region without a detector", () => {
    expect(violations(defects, "account-root-has-guardduty")).toEqual([
      ": no GuardDuty detector (aws.guardduty.Detector) in us-west-2.",
      "gd-east: the GuardDuty detector in us-east-1 does not enable 'EKS audit log monitoring (EKS_AUDIT_LOGS)', 'EKS runtime monitoring (RUNTIME_MONITORING or EKS_RUNTIME_MONITORING)', 'RDS login activity monitoring (RDS_LOGIN_EVENTS)' and 'malware protection for EC2 (EBS_MALWARE_PROTECTION)' (aws.guardduty.DetectorFeature with status ENABLED).",
    ]);
  });

  it("account-root-has-security-hub: a missing standard, a region without Security Hub", () => {
    expect(violations(defects, "account-root-has-security-hub")).toEqual([
      ": Security Hub in us-east-1 is not subscribed to 'cis-aws-foundations-benchmark' (aws.securityhub.StandardsSubscription).",
      ": Security Hub is not enabled (no aws.securityhub.Account) in us-west-2.",
    ]);
  });

  it("account-root-has-config-recorder: a partial recorder that is off, no delivery channel, a region without a recorder", () => {
    expect(violations(defects, "account-root-has-config-recorder")).toEqual([
      ": no AWS Config delivery channel (aws.cfg.DeliveryChannel) in us-east-1: the recorder cannot start without one.",
      ": no AWS Config recorder (aws.cfg.Recorder) in us-west-2.",
      ": no AWS Config recorder records global resource types (recordingGroup.includeGlobalResourceTypes: true in one region): IAM users, roles and policies are not recorded.",
      "recorder-east: the AWS Config recorder in us-east-1 does not record all supported resource types (recordingGroup.allSupported is false).",
      "recorder-east: the AWS Config recorder in us-east-1 is not turned on (no aws.cfg.RecorderStatus with isEnabled: true for it).",
    ]);
  });

  it("account-root-has-config-conformance-pack: no pack in either region", () => {
    expect(violations(defects, "account-root-has-config-conformance-pack")).toEqual([
      ": no AWS Config conformance pack (aws.cfg.ConformancePack) in us-east-1.",
      ": no AWS Config conformance pack (aws.cfg.ConformancePack) in us-west-2.",
    ]);
  });

  it("account-root-has-access-analyzer: an unused-access analyzer is no external-access analyzer", () => {
    expect(violations(defects, "account-root-has-access-analyzer")).toEqual([
      ": no IAM Access Analyzer for external access (aws.accessanalyzer.Analyzer of type ACCOUNT or ORGANIZATION) in us-east-1.",
      ": no IAM Access Analyzer for external access (aws.accessanalyzer.Analyzer of type ACCOUNT or ORGANIZATION) in us-west-2.",
    ]);
  });

  it("account-root-ebs-encryption-by-default: turned off, the AWS managed key, nothing in another region", () => {
    expect(violations(defects, "account-root-ebs-encryption-by-default")).toEqual([
      ": EBS encryption by default is not turned on (no aws.ebs.EncryptionByDefault with enabled: true) in us-east-1.",
      ": EBS encryption by default is not turned on (no aws.ebs.EncryptionByDefault with enabled: true) in us-west-2.",
      ": no customer managed default EBS key (aws.ebs.DefaultKmsKey) in us-west-2: volumes are encrypted with the AWS managed key aws/ebs.",
      `ebs-key-east: the default EBS key in us-east-1: keyArn is the AWS managed key 'arn:aws:kms:us-east-1:${ACCOUNT}:alias/aws/ebs', not a customer managed key.`,
    ]);
  });

  it("account-root-s3-public-access-blocked: a setting left off", () => {
    expect(violations(defects, "account-root-s3-public-access-blocked")).toEqual(["pab: 'restrictPublicBuckets' is not true."]);
  });

  it("account-root-has-password-policy: none", () => {
    expect(violations(defects, "account-root-has-password-policy")).toEqual([
      ": no account password policy (aws.iam.AccountPasswordPolicy): IAM users get AWS's default policy (8 characters, no expiry, reuse allowed).",
    ]);
  });

  it("account-root-has-security-alarms: only an alarmed, readable, specific filter on the trail's log group counts", () => {
    const [message, ...rest] = violations(defects, "account-root-has-security-alarms");
    expect(rest).toEqual([]);
    expect(message).toMatch(/^: no alarmed metric filter on the trail's log group matches: unauthorized API calls \[unauthorized-api-calls; CIS 1\.2\.0 3\.1 \/ 3\.0\.0 4\.1\]; use of the root account/);
    // The "mfa" filter (ConsoleLogin without MFA) also matches failed sign-ins, which carry MFAUsed "No".
    expect(message).not.toContain("console-signin-without-mfa;");
    expect(message).not.toContain("console-authentication-failures;");
    expect(message.match(/\[[a-z0-9-]+;/g)).toHaveLength(13);
    expect(message).toContain("phiguard could not read the patterns of mixed-filter (`&&` and `||` are mixed on one level without parentheses");
    expect(message).not.toContain("everything-filter");
  });

  it("account-root-has-security-alarms: a stack whose trails do not deliver to CloudWatch Logs", async () => {
    const result = await run(bare);
    expect(violations(result, "account-root-has-security-alarms")).toEqual([
      ": no CloudTrail trail of the stack delivers to a CloudWatch log group (cloudWatchLogsGroupArn), so no metric filter can watch the account's API activity.",
    ]);
  });

  it("take the regions and events to require from their policy config", async () => {
    const result = await run(compliant, {
      policyConfig: {
        "account-root-has-guardduty": { regions: ["us-east-1", "eu-west-1"] },
        "account-root-has-security-hub": { standards: ["nist-800-53"] },
      },
    });
    expect(violations(result, "account-root-has-guardduty")).toEqual([": no GuardDuty detector (aws.guardduty.Detector) in eu-west-1."]);
    expect(violations(result, "account-root-has-security-hub")).toEqual([
      ": Security Hub in us-east-1 is not subscribed to 'nist-800-53' (aws.securityhub.StandardsSubscription).",
    ]);
    const onlyMfa = await run(defective, { policyConfig: { "account-root-has-security-alarms": { events: ["console-signin-without-mfa"] } } });
    expect(violations(onlyMfa, "account-root-has-security-alarms")).toEqual([]);
  });

  it("cannot verify a filter whose pattern is unknown at preview, unless the other filters cover every event", async () => {
    const plan = await planTestProgram(`${COMPLIANT}
const bucket = new aws.s3.Bucket("pattern-source", { region: r });
new aws.cloudwatch.LogMetricFilter("unknown-filter", {
  region: r, name: "unknown", logGroupName: "/aws/cloudtrail/org", pattern: bucket.arn.apply((arn) => '{ $.resources[0].ARN = "' + arn + '" }'),
  metricTransformation: { name: "unknown-count", namespace: "Org/Security", value: "1" },
});
new aws.cloudwatch.MetricAlarm("unknown-alarm", {
  region: r, namespace: "Org/Security", metricName: "unknown-count", statistic: "Sum", period: 300, evaluationPeriods: 1,
  threshold: 1, comparisonOperator: "GreaterThanOrEqualToThreshold", alarmActions: ["arn:aws:sns:us-east-1:${ACCOUNT}:security"],
});
`);
    // Every event is covered by the known filters: no finding.
    expect((await run(plan)).findings.filter((f) => f.ruleId === "account-root-has-security-alarms")).toEqual([]);
    // With the root filter gone, the unknown one might be it: cannot be verified.
    const withoutRoot = { ...plan, resources: plan.resources.filter((res) => res.name !== "root-filter") };
    const findings = (await run(withoutRoot)).findings.filter((f) => f.ruleId === "account-root-has-security-alarms");
    expect(findings.map((f) => [f.kind, f.level, nameOf(f)])).toEqual([["unverifiable", "advisory", "unknown-filter"]]);
  });
});

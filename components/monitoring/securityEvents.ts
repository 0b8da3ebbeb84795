/**
 * The security events `SecurityMonitoring` alarms on: the monitoring recommendations of the CIS AWS
 * Foundations Benchmark (3.1-3.14 in v1.2.0, 4.1-4.15 in v1.4.0/v3.0.0; Security Hub controls
 * CloudWatch.1-14), each a CloudWatch Logs JSON filter pattern over the CloudTrail records of the
 * audit trail's log group.
 *
 * The patterns are CIS's conditions with every `&&`/`||` grouped by parentheses (CloudWatch Logs
 * does not document the precedence of the two) and every value quoted. Each pattern is checked in
 * the tests against committed CloudTrail records (`testdata/cloudtrail/<id>.match.json` and
 * `<id>.nomatch.json`) and against the HIPAA pack's probe events of the same ID.
 */

export interface SecurityEventDefinition {
  /** The event's ID: part of the child names (`<name>-<id>-filter`, `<name>-<id>-alarm`). */
  readonly id: string;
  readonly title: string;
  /** The CloudWatch metric the filter counts into. */
  readonly metricName: string;
  /** The JSON filter pattern over CloudTrail records. */
  readonly pattern: string;
  /** The CIS AWS Foundations Benchmark recommendations (v1.2.0 / v3.0.0 numbering). */
  readonly cis: string;
  /** The Security Hub control that checks for this filter and alarm, if any. */
  readonly securityHubControl?: string;
  /** What the alarm means for a reviewer, and what to do (the alarm's description, shown in its notification). */
  readonly meaning: string;
}

const anyOf = (field: string, values: readonly string[]) => values.map((v) => `(${field} = "${v}")`).join(" || ");

export const SECURITY_EVENTS: readonly SecurityEventDefinition[] = Object.freeze([
  {
    id: "unauthorized-api-calls",
    title: "Unauthorized API calls",
    metricName: "UnauthorizedApiCalls",
    pattern: `{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }`,
    cis: "CIS 1.2.0 3.1 / 3.0.0 4.1",
    securityHubControl: "CloudWatch.2",
    meaning:
      "A principal called an AWS API it is not allowed to call. Occasional denials come from misconfigured tools; a burst from one identity or IP address can be an attacker probing stolen credentials. Look up the caller (userIdentity.arn, sourceIPAddress) in CloudTrail.",
  },
  {
    id: "console-signin-without-mfa",
    title: "Console sign-in without MFA",
    metricName: "ConsoleSigninWithoutMfa",
    pattern: `{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }`,
    cis: "CIS 1.2.0 3.2 / 3.0.0 4.2",
    securityHubControl: "CloudWatch.3",
    meaning:
      "An IAM user signed in to the console with a password alone. Everyone with console access to systems holding PHI must use MFA (§164.312(d)): find the user, enforce MFA and check what the session did.",
  },
  {
    id: "root-account-usage",
    title: "Root account usage",
    metricName: "RootAccountUsage",
    pattern: `{ ($.userIdentity.type = "Root") && ($.userIdentity.invokedBy NOT EXISTS) && ($.eventType != "AwsServiceEvent") }`,
    cis: "CIS 1.2.0 3.3 / 3.0.0 4.3",
    securityHubControl: "CloudWatch.1",
    meaning:
      "Someone used the account's root user, which no policy can restrict. Outside a documented break-glass procedure, treat it as a security incident (§164.308(a)(6)): confirm who it was and rotate the root credentials if not sanctioned.",
  },
  {
    id: "iam-policy-changes",
    title: "IAM policy changes",
    metricName: "IamPolicyChanges",
    pattern: `{ ${anyOf("$.eventName", [
      "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy", "PutUserPolicy",
      "CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion", "AttachRolePolicy", "DetachRolePolicy",
      "AttachUserPolicy", "DetachUserPolicy", "AttachGroupPolicy", "DetachGroupPolicy",
    ])} }`,
    cis: "CIS 1.2.0 3.4 / 3.0.0 4.4",
    securityHubControl: "CloudWatch.4",
    meaning:
      "Permissions changed: an IAM policy was created, changed, attached or detached. Check the change went through review (a deployment of the infrastructure code), not a console session; unreviewed grants are how access to PHI widens unnoticed.",
  },
  {
    id: "cloudtrail-configuration-changes",
    title: "CloudTrail configuration changes",
    metricName: "CloudTrailConfigurationChanges",
    pattern: `{ ${anyOf("$.eventName", ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"])} }`,
    cis: "CIS 1.2.0 3.5 / 3.0.0 4.5",
    securityHubControl: "CloudWatch.5",
    meaning:
      "A trail was created, changed, deleted, stopped or started. Stopping or redirecting the audit trail is what an intruder does first; any change outside a reviewed deployment breaks the audit controls of §164.312(b) and must be investigated at once.",
  },
  {
    id: "console-authentication-failures",
    title: "Console authentication failures",
    metricName: "ConsoleAuthenticationFailures",
    pattern: `{ ($.eventName = "ConsoleLogin") && ($.errorMessage = "Failed authentication") }`,
    cis: "CIS 1.2.0 3.6 / 3.0.0 4.6",
    securityHubControl: "CloudWatch.6",
    meaning:
      "A console sign-in failed. One failure is a typo; repeated failures for one user or from one address are password guessing (log-in monitoring, §164.308(a)(5)(ii)(C)): check the source address and lock the user if needed.",
  },
  {
    id: "kms-key-disable-or-deletion",
    title: "KMS key disabled or scheduled for deletion",
    metricName: "KmsKeyDisableOrDeletion",
    pattern: `{ ($.eventSource = "kms.amazonaws.com") && (${anyOf("$.eventName", ["DisableKey", "ScheduleKeyDeletion"])}) }`,
    cis: "CIS 1.2.0 3.7 / 3.0.0 4.7",
    securityHubControl: "CloudWatch.7",
    meaning:
      "A customer managed KMS key was disabled or scheduled for deletion. Data encrypted with a deleted key is lost for good: unless this was planned, cancel the deletion (`aws kms cancel-key-deletion`) within the waiting period and find out who asked for it.",
  },
  {
    id: "s3-bucket-policy-changes",
    title: "S3 bucket policy changes",
    metricName: "S3BucketPolicyChanges",
    pattern: `{ ($.eventSource = "s3.amazonaws.com") && (${anyOf("$.eventName", [
      "PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication",
      "DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle", "DeleteBucketReplication",
    ])}) }`,
    cis: "CIS 1.2.0 3.8 / 3.0.0 4.8",
    securityHubControl: "CloudWatch.8",
    meaning:
      "A bucket's policy, ACL, CORS, lifecycle or replication changed. These decide who can read PHI and where copies go: confirm the change was deployed from reviewed code and does not open the bucket.",
  },
  {
    id: "config-changes",
    title: "AWS Config changes",
    metricName: "AwsConfigChanges",
    pattern: `{ ($.eventSource = "config.amazonaws.com") && (${anyOf("$.eventName", [
      "StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel", "PutConfigurationRecorder",
    ])}) }`,
    cis: "CIS 1.2.0 3.9 / 3.0.0 4.9",
    securityHubControl: "CloudWatch.9",
    meaning:
      "AWS Config recording or delivery changed or stopped. Without it, configuration changes go unrecorded and the HIPAA conformance pack stops evaluating: restart the recorder and find out why it changed.",
  },
  {
    id: "security-group-changes",
    title: "Security group changes",
    metricName: "SecurityGroupChanges",
    pattern: `{ ${anyOf("$.eventName", [
      "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress",
      "CreateSecurityGroup", "DeleteSecurityGroup",
    ])} }`,
    cis: "CIS 1.2.0 3.10 / 3.0.0 4.10",
    securityHubControl: "CloudWatch.10",
    meaning:
      "A security group was created, deleted or had rules added or removed. Check no rule opens a PHI system (databases, clusters, administration ports) to new sources.",
  },
  {
    id: "nacl-changes",
    title: "Network ACL changes",
    metricName: "NetworkAclChanges",
    pattern: `{ ${anyOf("$.eventName", [
      "CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation",
    ])} }`,
    cis: "CIS 1.2.0 3.11 / 3.0.0 4.11",
    securityHubControl: "CloudWatch.11",
    meaning: "A network ACL or its entries or associations changed: subnet-level traffic rules of the VPCs moved. Confirm the change was planned.",
  },
  {
    id: "network-gateway-changes",
    title: "Network gateway changes",
    metricName: "NetworkGatewayChanges",
    pattern: `{ ${anyOf("$.eventName", [
      "CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway", "CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway",
    ])} }`,
    cis: "CIS 1.2.0 3.12 / 3.0.0 4.12",
    securityHubControl: "CloudWatch.12",
    meaning:
      "An internet or customer gateway was created, attached, detached or deleted: a path into or out of a VPC appeared or disappeared. An unplanned internet gateway on a PHI VPC is a possible exfiltration path.",
  },
  {
    id: "route-table-changes",
    title: "Route table changes",
    metricName: "RouteTableChanges",
    pattern: `{ ($.eventSource = "ec2.amazonaws.com") && (${anyOf("$.eventName", [
      "CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation", "DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable",
    ])}) }`,
    cis: "CIS 1.2.0 3.13 / 3.0.0 4.13",
    securityHubControl: "CloudWatch.13",
    meaning: "VPC routing changed. A new route can send traffic from private subnets to the internet or to another network: confirm it was planned.",
  },
  {
    id: "vpc-changes",
    title: "VPC changes",
    metricName: "VpcChanges",
    pattern: `{ ${anyOf("$.eventName", [
      "CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection", "CreateVpcPeeringConnection", "DeleteVpcPeeringConnection",
      "RejectVpcPeeringConnection", "AttachClassicLinkVpc", "DetachClassicLinkVpc", "DisableVpcClassicLink", "EnableVpcClassicLink",
    ])} }`,
    cis: "CIS 1.2.0 3.14 / 3.0.0 4.14",
    securityHubControl: "CloudWatch.14",
    meaning: "A VPC or a peering connection was created, changed or deleted. Peering joins networks: confirm any new peer is an approved network.",
  },
  {
    id: "organizations-changes",
    title: "AWS Organizations changes",
    metricName: "OrganizationsChanges",
    pattern: `{ ($.eventSource = "organizations.amazonaws.com") && (${anyOf("$.eventName", [
      "AcceptHandshake", "AttachPolicy", "CreateAccount", "CreateOrganizationalUnit", "CreatePolicy", "DeclineHandshake",
      "DeleteOrganization", "DeleteOrganizationalUnit", "DeletePolicy", "DetachPolicy", "DisablePolicyType", "EnablePolicyType",
      "InviteAccountToOrganization", "LeaveOrganization", "MoveAccount", "RemoveAccountFromOrganization", "UpdatePolicy",
      "UpdateOrganizationalUnit",
    ])}) }`,
    cis: "CIS 3.0.0 4.15",
    meaning:
      "The organization changed: accounts, organizational units or service control policies. An account leaving the organization or a detached SCP drops guardrails that protect PHI accounts.",
  },
] satisfies SecurityEventDefinition[]);

export const SECURITY_EVENT_IDS: readonly string[] = Object.freeze(SECURITY_EVENTS.map((e) => e.id));

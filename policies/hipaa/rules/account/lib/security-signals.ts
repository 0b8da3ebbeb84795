/**
 * The security events an account root must alarm on (the CIS AWS Foundations Benchmark's
 * monitoring section: 3.1-3.14 in v1.2.0, 4.1-4.15 in v1.4.0/v3.0.0), each with probe events:
 * minimal CloudTrail records of the event. A metric filter "watches" a signal when, among the
 * alarmed filters on the audit trail's log group, every probe is matched by at least one filter and
 * none of those filters matches routine activity (`ROUTINE_EVENTS`).
 *
 * The probes are written independently of `SecurityMonitoring`'s patterns (their event names come
 * from the CIS benchmark text), so the rule checks any implementation, phiguard's included.
 */
import type { JsonValue } from "./filter-pattern";

export interface SecuritySignal {
  /** The signal's ID, the same as the `SecurityMonitoring` alarm that covers it. */
  readonly id: string;
  readonly title: string;
  /** CIS AWS Foundations Benchmark recommendations (v1.2.0 and v3.0.0 numbering). */
  readonly cis: string;
  readonly probes: readonly JsonValue[];
}

const ACCOUNT = "111122223333";

type Json = { [key: string]: JsonValue };

/** A management API call by an assumed role, as CloudTrail records it. */
function apiCall(eventSource: string, eventName: string, extra: Json = {}): Json {
  return {
    eventVersion: "1.09",
    userIdentity: {
      type: "AssumedRole",
      principalId: "AROAEXAMPLEROLEID:operator",
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Operator/operator`,
      accountId: ACCOUNT,
      accessKeyId: "ASIAEXAMPLEACCESSKEY",
    },
    eventTime: "2025-03-04T10:15:30Z",
    eventSource,
    eventName,
    awsRegion: "us-east-1",
    sourceIPAddress: "198.51.100.23",
    userAgent: "aws-cli/2.17.0 Python/3.11.9 Linux/6.1 exe/x86_64",
    requestParameters: {},
    responseElements: null,
    requestID: "0d9ab7b1-3c55-4f0e-9d0e-1b9c2f1e8a11",
    eventID: "5b7f3f66-1f4c-4d9f-8a55-7d2f7e0c9a01",
    readOnly: false,
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: "Management",
    ...extra,
  };
}

function consoleLogin(identity: Json, outcome: "Success" | "Failure", extra: Json = {}): Json {
  return {
    eventVersion: "1.09",
    userIdentity: identity,
    eventTime: "2025-03-04T08:02:11Z",
    eventSource: "signin.amazonaws.com",
    eventName: "ConsoleLogin",
    awsRegion: "us-east-1",
    sourceIPAddress: "203.0.113.45",
    userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
    requestParameters: null,
    responseElements: { ConsoleLogin: outcome },
    additionalEventData: { LoginTo: "https://console.aws.amazon.com/console/home", MobileVersion: "No", MFAUsed: "No" },
    eventID: "8c1d2f0e-7a4b-4c3d-9e8f-1a2b3c4d5e6f",
    readOnly: false,
    eventType: "AwsConsoleSignIn",
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: "Management",
    ...extra,
  };
}

const IAM_USER: Json = {
  type: "IAMUser",
  principalId: "AIDAEXAMPLEUSERID",
  arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  accountId: ACCOUNT,
  userName: "alice",
};

const ROOT: Json = { type: "Root", principalId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT };

const calls = (eventSource: string, names: readonly string[]) => names.map((name) => apiCall(eventSource, name));

/** The signals, in CIS order. */
export const SECURITY_SIGNALS: readonly SecuritySignal[] = Object.freeze([
  {
    id: "unauthorized-api-calls",
    title: "unauthorized API calls",
    cis: "CIS 1.2.0 3.1 / 3.0.0 4.1",
    probes: [
      apiCall("ec2.amazonaws.com", "DescribeInstances", { readOnly: true, errorCode: "Client.UnauthorizedOperation", errorMessage: "You are not authorized to perform this operation." }),
      apiCall("iam.amazonaws.com", "ListUsers", { readOnly: true, errorCode: "AccessDenied", errorMessage: "User is not authorized to perform: iam:ListUsers" }),
    ],
  },
  {
    id: "console-signin-without-mfa",
    title: "console sign-in without MFA",
    cis: "CIS 1.2.0 3.2 / 3.0.0 4.2",
    probes: [consoleLogin(IAM_USER, "Success")],
  },
  {
    id: "root-account-usage",
    title: "use of the root account",
    cis: "CIS 1.2.0 3.3 / 3.0.0 4.3",
    probes: [
      consoleLogin(ROOT, "Success", { additionalEventData: { LoginTo: "https://console.aws.amazon.com/console/home", MobileVersion: "No", MFAUsed: "Yes" } }),
      apiCall("iam.amazonaws.com", "CreateAccessKey", { userIdentity: ROOT }),
    ],
  },
  {
    id: "iam-policy-changes",
    title: "IAM policy changes",
    cis: "CIS 1.2.0 3.4 / 3.0.0 4.4",
    probes: calls("iam.amazonaws.com", [
      "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy", "PutUserPolicy",
      "CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion", "AttachRolePolicy", "DetachRolePolicy",
      "AttachUserPolicy", "DetachUserPolicy", "AttachGroupPolicy", "DetachGroupPolicy",
    ]),
  },
  {
    id: "cloudtrail-configuration-changes",
    title: "CloudTrail configuration changes",
    cis: "CIS 1.2.0 3.5 / 3.0.0 4.5",
    probes: calls("cloudtrail.amazonaws.com", ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"]),
  },
  {
    id: "console-authentication-failures",
    title: "console authentication failures",
    cis: "CIS 1.2.0 3.6 / 3.0.0 4.6",
    probes: [consoleLogin(IAM_USER, "Failure", { errorMessage: "Failed authentication" })],
  },
  {
    id: "kms-key-disable-or-deletion",
    title: "disabling or scheduled deletion of customer managed KMS keys",
    cis: "CIS 1.2.0 3.7 / 3.0.0 4.7",
    probes: calls("kms.amazonaws.com", ["DisableKey", "ScheduleKeyDeletion"]),
  },
  {
    id: "s3-bucket-policy-changes",
    title: "S3 bucket policy changes",
    cis: "CIS 1.2.0 3.8 / 3.0.0 4.8",
    probes: calls("s3.amazonaws.com", [
      "PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication",
      "DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle", "DeleteBucketReplication",
    ]),
  },
  {
    id: "config-changes",
    title: "AWS Config configuration changes",
    cis: "CIS 1.2.0 3.9 / 3.0.0 4.9",
    probes: calls("config.amazonaws.com", ["StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel", "PutConfigurationRecorder"]),
  },
  {
    id: "security-group-changes",
    title: "security group changes",
    cis: "CIS 1.2.0 3.10 / 3.0.0 4.10",
    probes: calls("ec2.amazonaws.com", [
      "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress",
      "CreateSecurityGroup", "DeleteSecurityGroup",
    ]),
  },
  {
    id: "nacl-changes",
    title: "network ACL changes",
    cis: "CIS 1.2.0 3.11 / 3.0.0 4.11",
    probes: calls("ec2.amazonaws.com", [
      "CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation",
    ]),
  },
  {
    id: "network-gateway-changes",
    title: "network gateway changes",
    cis: "CIS 1.2.0 3.12 / 3.0.0 4.12",
    probes: calls("ec2.amazonaws.com", [
      "CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway", "CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway",
    ]),
  },
  {
    id: "route-table-changes",
    title: "route table changes",
    cis: "CIS 1.2.0 3.13 / 3.0.0 4.13",
    probes: calls("ec2.amazonaws.com", [
      "CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation", "DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable",
    ]),
  },
  {
    id: "vpc-changes",
    title: "VPC changes",
    cis: "CIS 1.2.0 3.14 / 3.0.0 4.14",
    probes: calls("ec2.amazonaws.com", [
      "CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection", "CreateVpcPeeringConnection", "DeleteVpcPeeringConnection",
      "RejectVpcPeeringConnection", "AttachClassicLinkVpc", "DetachClassicLinkVpc", "DisableVpcClassicLink", "EnableVpcClassicLink",
    ]),
  },
  {
    id: "organizations-changes",
    title: "AWS Organizations changes",
    cis: "CIS 3.0.0 4.15",
    probes: calls("organizations.amazonaws.com", [
      "AcceptHandshake", "AttachPolicy", "CreateAccount", "CreateOrganizationalUnit", "CreatePolicy", "DeclineHandshake",
      "DeleteOrganization", "DeleteOrganizationalUnit", "DeletePolicy", "DetachPolicy", "DisablePolicyType", "EnablePolicyType",
      "InviteAccountToOrganization", "LeaveOrganization", "MoveAccount", "RemoveAccountFromOrganization", "UpdatePolicy",
      "UpdateOrganizationalUnit",
    ]),
  },
]);

/**
 * Routine activity no security alarm may match (a filter that matches it alarms on everything and
 * trains reviewers to ignore the topic): a successful read-only call and an MFA console sign-in.
 */
export const ROUTINE_EVENTS: readonly JsonValue[] = Object.freeze([
  apiCall("ec2.amazonaws.com", "DescribeInstances", { readOnly: true }),
  consoleLogin(IAM_USER, "Success", { additionalEventData: { LoginTo: "https://console.aws.amazon.com/console/home", MobileVersion: "No", MFAUsed: "Yes" } }),
]);

export const SECURITY_SIGNAL_IDS: readonly string[] = Object.freeze(SECURITY_SIGNALS.map((s) => s.id));

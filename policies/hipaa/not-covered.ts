/**
 * Why phiguard's HIPAA pack does not implement some rules of the external HIPAA rule sets. A test
 * demands a reason for every rule not covered, and no stale reason for a rule that is covered.
 */

export type NotCoveredCategory =
  /** Needs the state of a running account (key age, MFA devices, patch level, ...), not a plan. */
  | "runtime-only"
  /** An account or organization setting, outside a workload stack. */
  | "account-level"
  /** A manual process, not infrastructure. */
  | "process"
  /** A service phiguard's components do not provision; no rule is written for it yet. (None at present: every service of both rule sets has rules.) */
  | "service-not-provisioned"
  /** phiguard checks the same risk differently, on purpose. */
  | "by-design";

export interface NotCoveredEntry {
  readonly category: NotCoveredCategory;
  readonly reason: string;
}

const runtime = (reason: string): NotCoveredEntry => ({ category: "runtime-only", reason });
const account = (reason: string): NotCoveredEntry => ({ category: "account-level", reason });
const design = (reason: string): NotCoveredEntry => ({ category: "by-design", reason });

export const NOT_COVERED: Readonly<Record<"aws-config-hipaa" | "cdk-nag-hipaa", Readonly<Record<string, NotCoveredEntry>>>> = {
  "aws-config-hipaa": {
    ACCESS_KEYS_ROTATED: runtime("Access key age is account state; a plan does not show when keys were created."),
    AWS_CONFIG_PROCESS_CHECK: { category: "process", reason: "The annual risk assessment is a documented process, not infrastructure." },
    CLOUD_TRAIL_ENABLED: account("Whether the account has any trail is account state (often an organization trail from Control Tower); the trails a stack defines are checked by the cloudtrail-* rules."),
    DYNAMODB_THROUGHPUT_LIMIT_CHECK: runtime("Account throughput consumption is measured at run time."),
    EBS_SNAPSHOT_PUBLIC_RESTORABLE_CHECK: runtime("Pulumi cannot make a snapshot public (aws.ec2.SnapshotCreateVolumePermission takes one account ID); public sharing happens outside the stack."),
    EC2_INSTANCE_MANAGED_BY_SSM: runtime("Whether the SSM agent registered is known only after the instance boots."),
    EC2_MANAGEDINSTANCE_ASSOCIATION_COMPLIANCE_STATUS_CHECK: runtime("Association compliance is reported by running instances."),
    EC2_MANAGEDINSTANCE_PATCH_COMPLIANCE_STATUS_CHECK: runtime("Patch compliance is reported by running instances."),
    EC2_STOPPED_INSTANCE: runtime("How long an instance has been stopped is run-time state."),
    IAM_NO_INLINE_POLICY_CHECK: design("phiguard components scope role permissions with inline role policies on purpose; inline policies on users are refused by iam-user-no-inline-policies."),
    IAM_ROOT_ACCESS_KEY_CHECK: runtime("Root user credentials are account state, invisible to a plan."),
    IAM_USER_MFA_ENABLED: runtime("MFA devices are registered by people after the user exists."),
    IAM_USER_UNUSED_CREDENTIALS_CHECK: runtime("Credential last use is run-time state."),
    INTERNET_GATEWAY_AUTHORIZED_VPC_ONLY: design("It needs an allow-list of VPC IDs, which exist only after deploy; exposure is checked on subnets, instances, security groups and load balancers instead."),
    MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS: runtime("MFA devices are registered by people after the user exists."),
    NO_UNRESTRICTED_ROUTE_TO_IGW: design("Public subnets of internet-facing load balancers and NAT gateways need a default route to the internet gateway; exposure is checked on what is placed in them."),
    ROOT_ACCOUNT_HARDWARE_MFA_ENABLED: runtime("Root user MFA is account state, invisible to a plan."),
    ROOT_ACCOUNT_MFA_ENABLED: runtime("Root user MFA is account state, invisible to a plan."),
    S3_EVENT_NOTIFICATIONS_ENABLED: design("Event notifications are an application integration, not a safeguard; object access is audited by S3 data events and server access logs."),
    VPC_VPN_2_TUNNELS_UP: runtime("Tunnel status is run-time state."),
  },
  "cdk-nag-hipaa": {
    EC2EBSOptimizedInstance: design("Current-generation instance types are EBS-optimized by default and cannot turn it off."),
    IAMGroupHasUsers: design("phiguard expects people to sign in through IAM Identity Center, not IAM users and groups; user policies are refused by the iam-user-* rules."),
    IAMNoInlinePolicy: design("phiguard components scope role permissions with inline role policies on purpose; inline policies on users are refused by iam-user-no-inline-policies."),
    IAMUserGroupMembership: design("phiguard expects people to sign in through IAM Identity Center, not IAM users and groups; user policies are refused by the iam-user-* rules."),
    VPCNoUnrestrictedRouteToIGW: design("Public subnets of internet-facing load balancers and NAT gateways need a default route to the internet gateway; exposure is checked on what is placed in them."),
  },
};

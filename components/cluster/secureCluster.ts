/**
 * `SecureCluster`: an EKS cluster for PHI workloads, built from `aws.eks.*` resources.
 *
 * Children (names are a public contract; `<name>` is the component's name, `<group>` a node group
 * key, `<addon>` an EKS add-on name, `<principal>` an access entry's principal name):
 *
 * | name                                   | type                                               |
 * |----------------------------------------|----------------------------------------------------|
 * | `<name>-key`                           | EnvelopeKey (unless `key` is given)                |
 * | `<name>-control-plane-logs`            | aws.cloudwatch.LogGroup `/aws/eks/<clusterName>/cluster` |
 * | `<name>-cluster-role`                  | aws.iam.Role (trusted by eks.amazonaws.com)        |
 * | `<name>-cluster-role-<policy>`         | aws.iam.RolePolicyAttachment (AWS managed policy)  |
 * | `<name>-cluster-role-kms`              | aws.iam.RolePolicy (secrets encryption key use)    |
 * | `<name>-cluster-sg`                    | aws.ec2.SecurityGroup (API endpoint, 443 in only)  |
 * | `<name>-cluster`                       | aws.eks.Cluster                                    |
 * | `<name>-access-<principal>`            | aws.eks.AccessEntry                                |
 * | `<name>-access-<principal>-<policy>`   | aws.eks.AccessPolicyAssociation                    |
 * | `<name>-node-role`                     | aws.iam.Role (trusted by ec2.amazonaws.com)        |
 * | `<name>-node-role-<policy>`            | aws.iam.RolePolicyAttachment                       |
 * | `<name>-lt-<group>`                    | aws.ec2.LaunchTemplate                             |
 * | `<name>-ng-<group>`                    | aws.eks.NodeGroup                                  |
 * | `<name>-addon-<addon>`                 | aws.eks.Addon                                      |
 * | `<name>-ebs-csi-role`, `<name>-ebs-csi-role-<policy>`, `<name>-ebs-csi-role-kms` | EBS CSI driver role (`ebsCsiDriver`) |
 * | `<name>-storage-class`                 | k8s StorageClass `gp3-encrypted` (`ebsCsiDriver`)  |
 * | `<name>-k8s`                           | k8s.Provider (the `provider` output)               |
 * | `<name>-pod-role-<namespace>-<serviceAccount>` (+ `-policy`) | aws.iam.Role of `podIdentityRole` |
 * | `<name>-pod-identity-<namespace>-<serviceAccount>` | aws.eks.PodIdentityAssociation of `addPodIdentity` |
 */
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { EnvelopeKey } from "../keys/envelopeKey";
import { podIdentityTrustPolicy } from "./podIdentity";
import { LOG_RETENTION_DAYS, type MultiRegionNetwork } from "../network/multiRegionNetwork";
import { partitionOf, validateRegions } from "../network/regions";
import { conventionTags, withName, type TaggingArgs } from "../tags";
import { checkCidr, checkDnsLabel, describe, InvalidArgumentError, shortName } from "./validation";

export const SECURE_CLUSTER_TYPE = "phiguard:cluster:SecureCluster";

/** The Kubernetes version a new cluster gets. */
export const DEFAULT_KUBERNETES_VERSION = "1.33";

/** The five control-plane log types; all are always on. */
export const CONTROL_PLANE_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;

/** Shortest control-plane log retention accepted (the HIPAA pack's minimum). */
export const MIN_CONTROL_PLANE_LOG_RETENTION_DAYS = 365;

/** The EKS managed add-ons a cluster can have. */
export type ClusterAddon = "vpc-cni" | "kube-proxy" | "eks-pod-identity-agent" | "coredns" | "aws-ebs-csi-driver";

/** Add-ons installed before the node groups (nodes need them to become Ready). */
export const BEFORE_NODES_ADDONS: readonly ClusterAddon[] = ["vpc-cni", "kube-proxy", "eks-pod-identity-agent"];
/** Add-ons installed once nodes exist (their pods need somewhere to run). */
export const AFTER_NODES_ADDONS: readonly ClusterAddon[] = ["coredns"];

/** EKS access policies an access entry can be associated with. */
export const ACCESS_POLICIES = {
  "cluster-admin": "AmazonEKSClusterAdminPolicy",
  admin: "AmazonEKSAdminPolicy",
  edit: "AmazonEKSEditPolicy",
  view: "AmazonEKSViewPolicy",
} as const;
export type AccessPolicy = keyof typeof ACCESS_POLICIES;

/** An IAM principal of the cluster: a literal role/user ARN, an `aws.iam.Role`, or a name and an ARN. */
export type ClusterPrincipal = string | aws.iam.Role | { readonly name: string; readonly arn: pulumi.Input<string> };

export interface AccessEntryInput {
  /** The IAM role or user. */
  readonly principal: ClusterPrincipal;
  /** The EKS access policy it gets. */
  readonly policy: AccessPolicy;
  /**
   * Namespaces the policy is limited to (not allowed with `cluster-admin`).
   * @default none: the policy applies cluster-wide
   */
  readonly namespaces?: readonly string[];
}

/** A managed node group. */
export interface NodeGroupInput {
  /**
   * EC2 instance types (several spread Spot capacity).
   * @default ["m6i.large"]
   */
  readonly instanceTypes?: readonly string[];
  /**
   * An EKS-optimized AMI type: `AL2023_*` or `BOTTLEROCKET_*` (EKS picks the AMI release; no AMI lookup).
   * @default "AL2023_x86_64_STANDARD"
   */
  readonly amiType?: string;
  /**
   * `ON_DEMAND` or `SPOT`.
   * @default "ON_DEMAND"
   */
  readonly capacityType?: "ON_DEMAND" | "SPOT";
  /**
   * Fewest nodes.
   * @default 3, one per AZ of a three-AZ network
   */
  readonly minSize?: number;
  /**
   * Most nodes.
   * @default 6
   */
  readonly maxSize?: number;
  /**
   * Nodes at creation (later changes by an autoscaler are ignored).
   * @default minSize
   */
  readonly desiredSize?: number;
  /**
   * Size of each node's data volume (the root volume, or Bottlerocket's data volume), encrypted with the cluster key.
   * @default 50 GiB
   */
  readonly diskSizeGiB?: number;
  /**
   * Kubernetes labels of the nodes.
   * @default none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Kubernetes taints of the nodes.
   * @default none
   */
  readonly taints?: readonly { readonly key: string; readonly value?: string; readonly effect: "NO_SCHEDULE" | "NO_EXECUTE" | "PREFER_NO_SCHEDULE" }[];
  /**
   * Nodes replaced at once during an update.
   * @default 1
   */
  readonly maxUnavailable?: number;
}

export interface SecureClusterArgs extends TaggingArgs {
  /**
   * The network whose `private` subnets (in `region`) host the control-plane ENIs and the nodes.
   * Give either `network` or `vpcId` with `privateSubnetIds`.
   * @default none: `vpcId` and `privateSubnetIds` must be given
   */
  readonly network?: MultiRegionNetwork;
  /**
   * The region of the cluster.
   * @default the stack's `aws:region`
   */
  readonly region?: string;
  /**
   * The VPC of an existing network (with `privateSubnetIds`), instead of `network`.
   * @default the `network`'s VPC in `region`
   */
  readonly vpcId?: pulumi.Input<string>;
  /**
   * At least two private subnets in different AZs (no public IPs, no internet gateway route), instead of `network`.
   * @default the `network`'s private subnets in `region`
   */
  readonly privateSubnetIds?: readonly pulumi.Input<string>[];
  /**
   * The key for secrets envelope encryption, the control-plane log group and the nodes' EBS volumes.
   * It must exist in `region`, allow CloudWatch Logs (`allowCloudWatchLogs: true`), let EC2 use it
   * for the Auto Scaling service-linked role (`viaServices: ["ec2"]`) and delegate to IAM (default `owners`).
   * @default a new single-region `EnvelopeKey` `<name>-key` with CloudWatch Logs and EC2 allowed
   */
  readonly key?: EnvelopeKey;
  /**
   * The EKS cluster name (letters, digits, `-`, `_`; at most 100 characters). It is literal so the
   * control-plane log group `/aws/eks/<clusterName>/cluster` can be created before the cluster.
   * @default `<project>-<stack>-<name>`, cut to 100 characters with a hash when longer
   */
  readonly clusterName?: string;
  /**
   * Kubernetes minor version of the control plane and the node groups.
   * @default "1.33"
   */
  readonly version?: string;
  /**
   * CIDRs allowed to reach a public API endpoint. Given (non-empty), the endpoint is also public,
   * restricted to these ranges; `0.0.0.0/0` and other `/0` ranges are refused.
   * @default none: the API endpoint is private only
   */
  readonly publicAccessCidrs?: readonly string[];
  /**
   * CIDRs allowed to reach the private API endpoint on 443 (operators, CI runners, VPN), through the
   * cluster security group `<name>-cluster-sg`. Nodes always reach it through EKS's own cluster security group.
   * @default the `network`'s VPC CIDR in `region`; none with `vpcId`
   */
  readonly endpointAllowedCidrs?: readonly string[];
  /**
   * Days the control-plane logs are kept (a CloudWatch Logs value, at least 365).
   * @default 365 days
   */
  readonly logRetentionInDays?: number;
  /**
   * IAM principals with cluster-admin (EKS access entries with `AmazonEKSClusterAdminPolicy`). The
   * creator gets no implicit admin, so the identity that deploys this program (and runs its
   * Kubernetes provider) must be one of them.
   */
  readonly administrators: readonly ClusterPrincipal[];
  /**
   * Further access entries (admin, edit or view, cluster-wide or per namespace).
   * @default none
   */
  readonly accessEntries?: readonly AccessEntryInput[];
  /**
   * Managed node groups by key (the key names the children `<name>-ng-<key>`, `<name>-lt-<key>`).
   * @default { general: {} }: one group of 3-6 `m6i.large` AL2023 nodes
   */
  readonly nodeGroups?: Readonly<Record<string, NodeGroupInput>>;
  /**
   * Versions of the managed add-ons (`v1.19.2-eksbuild.1`).
   * @default EKS's default version of each add-on for the cluster's Kubernetes version
   */
  readonly addonVersions?: Readonly<Partial<Record<ClusterAddon, string>>>;
  /**
   * Install the EBS CSI driver add-on (with a Pod Identity role that may use the key) and a default
   * `gp3-encrypted` StorageClass whose volumes are encrypted with the key and retained.
   * @default false
   */
  readonly ebsCsiDriver?: boolean;
  /**
   * EKS support policy: `STANDARD` upgrades the control plane automatically when standard support
   * ends; `EXTENDED` keeps the version (at extra cost) for up to 12 more months.
   * @default "STANDARD": the cluster never runs a version past standard support
   */
  readonly supportType?: "STANDARD" | "EXTENDED";
  /**
   * Refuse to delete the cluster (EKS deletion protection); turn off before `pulumi destroy`.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Attach `AmazonSSMManagedInstanceCore` to the node role, so nodes are reachable through SSM
   * Session Manager (they never have an SSH key).
   * @default true
   */
  readonly nodeSsmAccess?: boolean;
  /**
   * A role that `aws eks get-token` assumes in the kubeconfig (it must be an administrator).
   * @default none: the credentials that run the program
   */
  readonly kubeconfigRoleArn?: string;
}

/** Options of `podIdentityRole`. */
export interface PodIdentityRoleOptions {
  /**
   * An inline IAM policy (JSON) of the role, as `<role name>-policy`.
   * @default none
   */
  readonly policy?: pulumi.Input<string>;
}

const CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/;
const AMI_TYPE = /^(AL2023|BOTTLEROCKET)_(x86_64|ARM_64)(_[A-Z0-9]+)*$/;
const PRINCIPAL_ARN = /^arn:aws(-us-gov|-cn)?:iam::\d{12}:(role|user)\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;

const DEFAULT_NODE_GROUP: NodeGroupInput = {};

export class SecureCluster extends pulumi.ComponentResource {
  /** The EKS cluster name (literal, known at preview). */
  public readonly clusterName: string;
  public readonly region: string;
  public readonly version: string;
  /** The key of secrets, logs and EBS volumes. */
  public readonly key: EnvelopeKey;
  public readonly cluster: aws.eks.Cluster;
  public readonly logGroup: aws.cloudwatch.LogGroup;
  public readonly clusterRole: aws.iam.Role;
  public readonly nodeRole: aws.iam.Role;
  /** The additional security group of the API endpoint (`<name>-cluster-sg`). */
  public readonly clusterSecurityGroup: aws.ec2.SecurityGroup;
  /** EKS's own cluster security group (control plane ↔ nodes), created by EKS. */
  public readonly clusterSecurityGroupId: pulumi.Output<string>;
  public readonly launchTemplates: Readonly<Record<string, aws.ec2.LaunchTemplate>>;
  public readonly nodeGroups: Readonly<Record<string, aws.eks.NodeGroup>>;
  public readonly addons: Readonly<Partial<Record<ClusterAddon, aws.eks.Addon>>>;
  public readonly accessEntries: Readonly<Record<string, aws.eks.AccessEntry>>;
  public readonly storageClass?: k8s.storage.v1.StorageClass;
  public readonly endpoint: pulumi.Output<string>;
  /** The cluster's OIDC issuer URL (for IRSA with an `aws.iam.OpenIdConnectProvider` of your own). */
  public readonly oidcIssuer: pulumi.Output<string>;
  /** A kubeconfig (JSON) that authenticates with `aws eks get-token`; it holds no credentials. */
  public readonly kubeconfig: pulumi.Output<string>;
  /** The Kubernetes provider of this cluster; pass it as `{ provider }` to Kubernetes resources and components. */
  public readonly provider: k8s.Provider;

  private readonly componentName: string;
  private readonly tags: Record<string, string>;

  constructor(name: string, args: SecureClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    const where = `SecureCluster "${name}"`;
    if (args === undefined || args === null) {
      throw new InvalidArgumentError(`${where}: no arguments given; expected at least \`network\` (or \`vpcId\` and \`privateSubnetIds\`) and \`administrators\`.`);
    }
    const region = args.region ?? stackRegion(where);
    validateRegions(`${where}: region`, [region]);
    const partition = partitionOf(region);

    // Where the cluster lives.
    if (args.network && (args.vpcId !== undefined || args.privateSubnetIds !== undefined)) {
      throw new InvalidArgumentError(`${where}: both \`network\` and \`vpcId\`/\`privateSubnetIds\` were given; expected one of them.`);
    }
    let vpcId: pulumi.Input<string>;
    let subnetIds: readonly pulumi.Input<string>[];
    let defaultEndpointCidrs: readonly string[] = [];
    if (args.network) {
      const regional = args.network.byRegion[region];
      if (!regional) {
        throw new InvalidArgumentError(
          `${where}: the network has no VPC in region "${region}" (it spans ${args.network.regions.join(", ")}); expected \`region\` to be one of them.`,
        );
      }
      const privateSubnets = regional.subnets.private;
      if (privateSubnets.length === 0) {
        throw new InvalidArgumentError(
          `${where}: the network has no private subnets in ${region} (no "private" tier); expected a network with tiers including "private" (nodes never run in public or isolated subnets).`,
        );
      }
      if (privateSubnets.length < 2) {
        throw new InvalidArgumentError(
          `${where}: the network has ${privateSubnets.length} private subnet in ${region}; expected at least 2 in different AZs (EKS requires two AZs; set azCount >= 2).`,
        );
      }
      vpcId = regional.vpc.id;
      subnetIds = privateSubnets.map((s) => s.id);
      defaultEndpointCidrs = [regional.cidr];
    } else {
      const given = args.privateSubnetIds ?? [];
      if (given.length === 0) {
        throw new InvalidArgumentError(
          `${where}: no private subnets given (privateSubnetIds is ${describe(args.privateSubnetIds)} and there is no \`network\`); expected \`network\` (a MultiRegionNetwork with a private tier) or \`vpcId\` with at least 2 \`privateSubnetIds\` in different AZs.`,
        );
      }
      if (given.length < 2) {
        throw new InvalidArgumentError(`${where}: privateSubnetIds has 1 subnet; expected at least 2 in different AZs (EKS requires two AZs).`);
      }
      if (args.vpcId === undefined) {
        throw new InvalidArgumentError(`${where}: privateSubnetIds given without vpcId; expected the VPC of those subnets in \`vpcId\`.`);
      }
      vpcId = args.vpcId;
      subnetIds = given;
    }

    // The cluster's own settings.
    const clusterName = args.clusterName ?? defaultClusterName(name);
    if (!CLUSTER_NAME.test(clusterName)) {
      throw new InvalidArgumentError(
        `${where}: clusterName "${clusterName}" is invalid; expected 1-100 letters, digits, "-" or "_", starting with a letter or digit.`,
      );
    }
    const version = args.version ?? DEFAULT_KUBERNETES_VERSION;
    if (!/^1\.\d{2}$/.test(version)) {
      throw new InvalidArgumentError(`${where}: version "${version}" is invalid; expected a Kubernetes minor version such as "${DEFAULT_KUBERNETES_VERSION}".`);
    }
    const publicAccessCidrs = args.publicAccessCidrs;
    if (publicAccessCidrs !== undefined) {
      if (publicAccessCidrs.length === 0) {
        throw new InvalidArgumentError(
          `${where}: publicAccessCidrs is empty, which EKS reads as 0.0.0.0/0; expected specific CIDRs for a public endpoint, or omit publicAccessCidrs for a private-only endpoint.`,
        );
      }
      for (const cidr of publicAccessCidrs) checkCidr(where, "publicAccessCidrs", cidr, false);
    }
    const endpointCidrs = args.endpointAllowedCidrs ?? defaultEndpointCidrs;
    for (const cidr of endpointCidrs) checkCidr(where, "endpointAllowedCidrs", cidr, false);
    const retention = args.logRetentionInDays ?? MIN_CONTROL_PLANE_LOG_RETENTION_DAYS;
    if (!LOG_RETENTION_DAYS.includes(retention) || retention < MIN_CONTROL_PLANE_LOG_RETENTION_DAYS) {
      throw new InvalidArgumentError(
        `${where}: logRetentionInDays ${String(retention)} is not accepted; expected a CloudWatch Logs retention of at least ${MIN_CONTROL_PLANE_LOG_RETENTION_DAYS} days: ${LOG_RETENTION_DAYS.filter((d) => d >= MIN_CONTROL_PLANE_LOG_RETENTION_DAYS).join(", ")}.`,
      );
    }
    if (args.key) {
      if (!args.key.regions.includes(region)) {
        throw new InvalidArgumentError(
          `${where}: the key exists in [${args.key.regions.join(", ")}] but the cluster is in ${region}; expected a key with ${region} in its regions.`,
        );
      }
      if (!args.key.allowsCloudWatchLogs) {
        throw new InvalidArgumentError(
          `${where}: the key does not allow CloudWatch Logs, so the control-plane log group cannot be encrypted with it; expected an EnvelopeKey with \`allowCloudWatchLogs: true\`.`,
        );
      }
    }
    const supportType = args.supportType ?? "STANDARD";
    if (supportType !== "STANDARD" && supportType !== "EXTENDED") {
      throw new InvalidArgumentError(`${where}: supportType ${describe(supportType)} is invalid; expected "STANDARD" or "EXTENDED".`);
    }
    if (args.kubeconfigRoleArn !== undefined && !(PRINCIPAL_ARN.test(args.kubeconfigRoleArn) && args.kubeconfigRoleArn.includes(":role/"))) {
      throw new InvalidArgumentError(`${where}: kubeconfigRoleArn "${args.kubeconfigRoleArn}" is not an IAM role ARN; expected e.g. "arn:aws:iam::123456789012:role/PlatformAdmin".`);
    }

    // Who may use the cluster.
    const entries = accessEntriesOf(where, args);

    // Node groups.
    const groups = Object.entries(args.nodeGroups ?? { general: DEFAULT_NODE_GROUP }).map(([key, input]) => ({
      key,
      settings: nodeGroupSettings(where, key, input ?? {}),
    }));
    if (groups.length === 0) {
      throw new InvalidArgumentError(`${where}: nodeGroups is empty; expected at least one managed node group (omit nodeGroups for the default one).`);
    }

    const tags = conventionTags({ type: SECURE_CLUSTER_TYPE, name }, args);

    super(SECURE_CLUSTER_TYPE, name, {}, opts);
    this.componentName = name;
    this.tags = tags;
    this.clusterName = clusterName;
    this.region = region;
    this.version = version;
    const parent = { parent: this };
    const policyArn = (policy: string) => `arn:${partition}:iam::aws:policy/${policy}`;

    // The key.
    this.key =
      args.key ??
      new EnvelopeKey(
        `${name}-key`,
        {
          regions: [region],
          allowCloudWatchLogs: true,
          viaServices: ["ec2"],
          description: `phiguard EKS cluster ${clusterName}: secrets, control-plane logs and node volumes`,
          dataClassification: tags["data-classification"] as TaggingArgs["dataClassification"],
          owner: tags["owner"],
          environment: tags["environment"],
          ...(args.tags ? { tags: args.tags } : {}),
        },
        parent,
      );
    const keyArn = this.key.arnFor(region);
    const accountId = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
    const aliasName = this.key.aliasName;
    // IAM statements on the cluster key, known at preview: every key of the account and region,
    // narrowed to the one behind the key's alias (`kms:ResourceAliases`), since the key ARN is only
    // known after deploy. The cluster waits for the alias, so the condition holds when EKS first
    // uses the key.
    const keyPolicy = (statements: readonly Record<string, unknown>[]): pulumi.Output<string> =>
      accountId.apply((account) =>
        JSON.stringify({
          Version: "2012-10-17",
          Statement: statements.map((statement) => {
            const condition = (statement["Condition"] ?? {}) as Record<string, unknown>;
            return {
              ...statement,
              Resource: `arn:${partition}:kms:${region}:${account}:key/*`,
              Condition: { ...condition, "ForAnyValue:StringEquals": { "kms:ResourceAliases": aliasName } },
            };
          }),
        }),
      );

    // The control-plane log group, created before the cluster so EKS never creates an unencrypted one.
    this.logGroup = new aws.cloudwatch.LogGroup(
      `${name}-control-plane-logs`,
      {
        region,
        name: `/aws/eks/${clusterName}/cluster`,
        kmsKeyId: keyArn,
        retentionInDays: retention,
        logGroupClass: "STANDARD",
        tags,
      },
      parent,
    );

    // The cluster role.
    this.clusterRole = new aws.iam.Role(
      `${name}-cluster-role`,
      {
        description: `EKS control plane of ${clusterName}`,
        assumeRolePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Sid: "EksControlPlane", Effect: "Allow", Principal: { Service: "eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] }],
        }),
        tags,
      },
      parent,
    );
    const clusterRoleAttachments = ["AmazonEKSClusterPolicy"].map(
      (policy) =>
        new aws.iam.RolePolicyAttachment(`${name}-cluster-role-${policy}`, { role: this.clusterRole.name, policyArn: policyArn(policy) }, parent),
    );
    const clusterRoleKms = new aws.iam.RolePolicy(
      `${name}-cluster-role-kms`,
      {
        role: this.clusterRole.name,
        policy: keyPolicy([
          {
            Sid: "SecretsEnvelopeEncryption",
            Effect: "Allow",
            Action: ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"],
          },
        ]),
      },
      parent,
    );

    // The API endpoint's security group: HTTPS from the allowed CIDRs only, nothing out.
    this.clusterSecurityGroup = new aws.ec2.SecurityGroup(
      `${name}-cluster-sg`,
      {
        region,
        vpcId,
        description: `EKS API endpoint of ${clusterName}: HTTPS from allowed CIDRs only`,
        ingress: endpointCidrs.map((cidr) => ({
          description: `Kubernetes API from ${cidr}`,
          protocol: "tcp",
          fromPort: 443,
          toPort: 443,
          ...(cidr.includes(":") ? { ipv6CidrBlocks: [cidr] } : { cidrBlocks: [cidr] }),
        })),
        egress: [],
        revokeRulesOnDelete: true,
        tags: withName(tags, `${name}-cluster-sg`),
      },
      parent,
    );

    // The cluster.
    this.cluster = new aws.eks.Cluster(
      `${name}-cluster`,
      {
        region,
        name: clusterName,
        version,
        roleArn: this.clusterRole.arn,
        vpcConfig: {
          subnetIds: [...subnetIds],
          securityGroupIds: [this.clusterSecurityGroup.id],
          endpointPrivateAccess: true,
          endpointPublicAccess: publicAccessCidrs !== undefined,
          ...(publicAccessCidrs !== undefined ? { publicAccessCidrs: [...publicAccessCidrs] } : {}),
        },
        encryptionConfig: { resources: ["secrets"], provider: { keyArn } },
        enabledClusterLogTypes: [...CONTROL_PLANE_LOG_TYPES],
        accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false },
        bootstrapSelfManagedAddons: false,
        upgradePolicy: { supportType },
        deletionProtection: args.deletionProtection ?? true,
        kubernetesNetworkConfig: { ipFamily: "ipv4" },
        tags,
      },
      { parent: this, dependsOn: [this.logGroup, ...clusterRoleAttachments, clusterRoleKms, this.key.aliases[region]!] },
    );
    const cluster = this.cluster;
    this.endpoint = cluster.endpoint;
    this.clusterSecurityGroupId = cluster.vpcConfig.apply((v) => v.clusterSecurityGroupId ?? "");
    this.oidcIssuer = cluster.identities.apply((ids) => ids?.[0]?.oidcs?.[0]?.issuer ?? "");

    // Access entries (no aws-auth ConfigMap).
    const accessEntries: Record<string, aws.eks.AccessEntry> = {};
    const associations: aws.eks.AccessPolicyAssociation[] = [];
    for (const entry of entries) {
      const entryName = `${name}-access-${entry.name}`;
      const accessEntry = new aws.eks.AccessEntry(
        entryName,
        { region, clusterName: cluster.name, principalArn: entry.arn, type: "STANDARD", tags },
        parent,
      );
      accessEntries[entry.name] = accessEntry;
      associations.push(
        new aws.eks.AccessPolicyAssociation(
          `${entryName}-${entry.policy}`,
          {
            region,
            clusterName: cluster.name,
            principalArn: accessEntry.principalArn,
            policyArn: `arn:${partition}:eks::aws:cluster-access-policy/${ACCESS_POLICIES[entry.policy]}`,
            accessScope: entry.namespaces.length > 0 ? { type: "namespace", namespaces: [...entry.namespaces] } : { type: "cluster" },
          },
          parent,
        ),
      );
    }
    this.accessEntries = accessEntries;

    // The node role.
    this.nodeRole = new aws.iam.Role(
      `${name}-node-role`,
      {
        description: `EKS managed nodes of ${clusterName}`,
        assumeRolePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Sid: "EksNodes", Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
        tags,
      },
      parent,
    );
    const nodePolicies = [
      "AmazonEKSWorkerNodePolicy",
      "AmazonEKS_CNI_Policy",
      "AmazonEC2ContainerRegistryPullOnly",
      ...((args.nodeSsmAccess ?? true) ? ["AmazonSSMManagedInstanceCore"] : []),
    ];
    const nodeRoleAttachments = nodePolicies.map(
      (policy) => new aws.iam.RolePolicyAttachment(`${name}-node-role-${policy}`, { role: this.nodeRole.name, policyArn: policyArn(policy) }, parent),
    );

    // Add-ons the nodes need to become Ready.
    const versions = args.addonVersions ?? {};
    const addons: Partial<Record<ClusterAddon, aws.eks.Addon>> = {};
    const addon = (addonName: ClusterAddon, extra: Partial<aws.eks.AddonArgs>, dependsOn: pulumi.Resource[] = []) => {
      const version = versions[addonName];
      addons[addonName] = new aws.eks.Addon(
        `${name}-addon-${addonName}`,
        {
          region,
          clusterName: cluster.name,
          addonName,
          ...(version !== undefined ? { addonVersion: version } : {}),
          resolveConflictsOnCreate: "OVERWRITE",
          resolveConflictsOnUpdate: "OVERWRITE",
          tags,
          ...extra,
        },
        { parent: this, dependsOn },
      );
      return addons[addonName]!;
    };
    const beforeNodes = [
      addon("vpc-cni", { configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }) }),
      addon("kube-proxy", {}),
      addon("eks-pod-identity-agent", {}),
    ];

    // Node groups, each with a hardened launch template.
    const launchTemplates: Record<string, aws.ec2.LaunchTemplate> = {};
    const nodeGroups: Record<string, aws.eks.NodeGroup> = {};
    for (const { key, settings } of groups) {
      const ltName = `${name}-lt-${key}`;
      const launchTemplate = new aws.ec2.LaunchTemplate(
        ltName,
        {
          region,
          description: `Nodes of ${clusterName} group ${key}: IMDSv2 only (hop limit 1), encrypted EBS`,
          metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" },
          blockDeviceMappings: settings.volumes.map((v) => ({
            deviceName: v.deviceName,
            ebs: { volumeSize: v.sizeGiB, volumeType: "gp3", encrypted: "true", kmsKeyId: keyArn, deleteOnTermination: "true" },
          })),
          monitoring: { enabled: true },
          updateDefaultVersion: true,
          tagSpecifications: ["instance", "volume", "network-interface"].map((resourceType) => ({
            resourceType,
            tags: withName(tags, `${clusterName}-${key}`),
          })),
          tags: withName(tags, ltName),
        },
        parent,
      );
      launchTemplates[key] = launchTemplate;
      nodeGroups[key] = new aws.eks.NodeGroup(
        `${name}-ng-${key}`,
        {
          region,
          clusterName: cluster.name,
          version,
          nodeRoleArn: this.nodeRole.arn,
          subnetIds: [...subnetIds],
          amiType: settings.amiType,
          capacityType: settings.capacityType,
          instanceTypes: [...settings.instanceTypes],
          scalingConfig: { minSize: settings.minSize, maxSize: settings.maxSize, desiredSize: settings.desiredSize },
          updateConfig: { maxUnavailable: settings.maxUnavailable },
          launchTemplate: { id: launchTemplate.id, version: launchTemplate.latestVersion.apply((v) => String(v)) },
          nodeRepairConfig: { enabled: true },
          ...(settings.labels ? { labels: { ...settings.labels } } : {}),
          ...(settings.taints ? { taints: settings.taints.map((t) => ({ ...t })) } : {}),
          tags,
        },
        { parent: this, dependsOn: [...nodeRoleAttachments, ...beforeNodes], ignoreChanges: ["scalingConfig.desiredSize"] },
      );
    }
    this.launchTemplates = launchTemplates;
    this.nodeGroups = nodeGroups;
    const nodes = Object.values(nodeGroups);

    // Add-ons whose pods need nodes.
    const afterNodes = [addon("coredns", {}, nodes)];
    if (args.ebsCsiDriver ?? false) {
      const role = this.createPodRole(`${name}-ebs-csi-role`, "kube-system", "ebs-csi-controller-sa", {});
      const attachment = new aws.iam.RolePolicyAttachment(
        `${name}-ebs-csi-role-AmazonEBSCSIDriverPolicy`,
        { role: role.name, policyArn: `arn:${partition}:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy` },
        parent,
      );
      const kms = new aws.iam.RolePolicy(
        `${name}-ebs-csi-role-kms`,
        {
          role: role.name,
          policy: keyPolicy([
            {
              Sid: "EncryptVolumes",
              Effect: "Allow",
              Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"],
            },
            {
              Sid: "GrantsForVolumes",
              Effect: "Allow",
              Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
              Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
            },
          ]),
        },
        parent,
      );
      afterNodes.push(
        addon("aws-ebs-csi-driver", { podIdentityAssociations: [{ roleArn: role.arn, serviceAccount: "ebs-csi-controller-sa" }] }, [...nodes, attachment, kms]),
      );
    }
    this.addons = addons;

    // The kubeconfig and the Kubernetes provider, usable once access, add-ons and nodes are in place.
    this.kubeconfig = pulumi
      .all([cluster.name, cluster.endpoint, cluster.certificateAuthority])
      .apply(([clusterId, server, ca]) =>
        kubeconfigFor({ clusterName: clusterId, region, endpoint: server, certificateAuthorityData: ca.data ?? "", roleArn: args.kubeconfigRoleArn }),
      );
    this.provider = new k8s.Provider(
      `${name}-k8s`,
      { kubeconfig: this.kubeconfig, clusterIdentifier: cluster.arn, enableServerSideApply: true, deleteUnreachable: false },
      { parent: this, dependsOn: [...associations, ...beforeNodes, ...nodes, ...afterNodes] },
    );

    if (args.ebsCsiDriver ?? false) {
      this.storageClass = new k8s.storage.v1.StorageClass(
        `${name}-storage-class`,
        {
          metadata: {
            name: "gp3-encrypted",
            annotations: { "storageclass.kubernetes.io/is-default-class": "true" },
            labels: { "app.kubernetes.io/managed-by": "phiguard" },
          },
          provisioner: "ebs.csi.aws.com",
          parameters: { type: "gp3", encrypted: "true", kmsKeyId: keyArn },
          reclaimPolicy: "Retain",
          volumeBindingMode: "WaitForFirstConsumer",
          allowVolumeExpansion: true,
        },
        { parent: this, provider: this.provider },
      );
    }

    this.registerOutputs({
      clusterName,
      region,
      version,
      endpoint: this.endpoint,
      kubeconfig: this.kubeconfig,
    });
  }

  /**
   * An IAM role that EKS Pod Identity may assume only for `serviceAccount` in `namespace` of this
   * cluster (trust conditions on the session tags Pod Identity sets). Named
   * `<name>-pod-role-<namespace>-<serviceAccount>`; with `options.policy`, an inline policy `<...>-policy`.
   */
  public podIdentityRole(namespace: string, serviceAccount: string, options: PodIdentityRoleOptions = {}): aws.iam.Role {
    return this.createPodRole(`${this.componentName}-pod-role-${namespace}-${serviceAccount}`, namespace, serviceAccount, options);
  }

  private createPodRole(resourceName: string, namespace: string, serviceAccount: string, options: PodIdentityRoleOptions): aws.iam.Role {
    const where = `SecureCluster "${this.componentName}": podIdentityRole`;
    checkDnsLabel(where, "namespace", namespace);
    checkDnsLabel(where, "serviceAccount", serviceAccount, 253);
    const role = new aws.iam.Role(
      resourceName,
      {
        description: `EKS Pod Identity of ${namespace}/${serviceAccount} on ${this.clusterName}`,
        assumeRolePolicy: podIdentityTrustPolicy(this.clusterName, namespace, serviceAccount),
        tags: this.tags,
      },
      { parent: this },
    );
    if (options.policy !== undefined) {
      new aws.iam.RolePolicy(`${resourceName}-policy`, { role: role.name, policy: options.policy }, { parent: this });
    }
    return role;
  }

  /**
   * Lets pods running as `serviceAccount` in `namespace` get the credentials of `roleArn` through
   * EKS Pod Identity: an `aws.eks.PodIdentityAssociation` `<name>-pod-identity-<namespace>-<serviceAccount>`.
   */
  public addPodIdentity(namespace: string, serviceAccount: string, roleArn: pulumi.Input<string>): aws.eks.PodIdentityAssociation {
    const where = `SecureCluster "${this.componentName}": addPodIdentity`;
    checkDnsLabel(where, "namespace", namespace);
    checkDnsLabel(where, "serviceAccount", serviceAccount, 253);
    return new aws.eks.PodIdentityAssociation(
      `${this.componentName}-pod-identity-${namespace}-${serviceAccount}`,
      { region: this.region, clusterName: this.cluster.name, namespace, serviceAccount, roleArn, tags: this.tags },
      { parent: this },
    );
  }
}

/** What a kubeconfig for an EKS cluster needs. */
export interface KubeconfigInput {
  readonly clusterName: string;
  readonly region: string;
  /** The API server URL. */
  readonly endpoint: string;
  /** The cluster CA, base64 (`certificateAuthority.data`). */
  readonly certificateAuthorityData: string;
  /**
   * A role `aws eks get-token` assumes.
   * @default none: the caller's own credentials
   */
  readonly roleArn?: string;
}

/**
 * A kubeconfig (JSON) for an EKS cluster that authenticates through `aws eks get-token` (exec
 * credential plugin, no stored token), as `aws eks update-kubeconfig` writes it.
 */
export function kubeconfigFor(input: KubeconfigInput): string {
  const name = input.clusterName;
  return JSON.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name, cluster: { server: input.endpoint, "certificate-authority-data": input.certificateAuthorityData } }],
    contexts: [{ name, context: { cluster: name, user: name } }],
    "current-context": name,
    users: [
      {
        name,
        user: {
          exec: {
            apiVersion: "client.authentication.k8s.io/v1beta1",
            command: "aws",
            args: ["--region", input.region, "eks", "get-token", "--cluster-name", name, "--output", "json", ...(input.roleArn ? ["--role-arn", input.roleArn] : [])],
            interactiveMode: "Never",
          },
        },
      },
    ],
  });
}

interface ResolvedEntry {
  readonly name: string;
  readonly arn: pulumi.Input<string>;
  readonly policy: AccessPolicy;
  readonly namespaces: readonly string[];
}

function principalOf(where: string, field: string, principal: ClusterPrincipal): { name: string; arn: pulumi.Input<string> } {
  if (typeof principal === "string") {
    const m = PRINCIPAL_ARN.exec(principal);
    if (!m) {
      throw new InvalidArgumentError(
        `${where}: ${field} "${principal}" is not an IAM role or user ARN; expected e.g. "arn:aws:iam::123456789012:role/PlatformAdmin" (or { name, arn } for a computed ARN).`,
      );
    }
    return { name: m[3]!, arn: principal };
  }
  if (principal instanceof aws.iam.Role) return { name: pulumi.resourceName(principal), arn: principal.arn };
  if (!principal || typeof principal.name !== "string" || !/^[A-Za-z0-9_.@+=,-]+$/.test(principal.name)) {
    throw new InvalidArgumentError(
      `${where}: ${field} has name ${describe(principal?.name)}; expected letters, digits and "_.@+=,-" (it becomes part of resource names).`,
    );
  }
  return { name: principal.name, arn: principal.arn };
}

function accessEntriesOf(where: string, args: SecureClusterArgs): ResolvedEntry[] {
  const administrators = args.administrators ?? [];
  if (administrators.length === 0) {
    throw new InvalidArgumentError(
      `${where}: administrators is empty; expected at least one IAM role ARN with cluster-admin. The creator gets no implicit admin (bootstrapClusterCreatorAdminPermissions is false), so without one nobody, not even this program's Kubernetes provider, can reach the cluster.`,
    );
  }
  const entries: ResolvedEntry[] = administrators.map((p, i) => ({
    ...principalOf(where, `administrators[${i}]`, p),
    policy: "cluster-admin" as const,
    namespaces: [],
  }));
  (args.accessEntries ?? []).forEach((entry, i) => {
    const field = `accessEntries[${i}]`;
    if (!(entry.policy in ACCESS_POLICIES)) {
      throw new InvalidArgumentError(`${where}: ${field}.policy ${describe(entry.policy)} is invalid; expected one of ${Object.keys(ACCESS_POLICIES).join(", ")}.`);
    }
    const namespaces = entry.namespaces ?? [];
    if (entry.policy === "cluster-admin" && namespaces.length > 0) {
      throw new InvalidArgumentError(`${where}: ${field} limits cluster-admin to namespaces; expected policy "admin", "edit" or "view" for namespaced access.`);
    }
    namespaces.forEach((ns, j) => checkDnsLabel(where, `${field}.namespaces[${j}]`, ns));
    entries.push({ ...principalOf(where, `${field}.principal`, entry.principal), policy: entry.policy, namespaces });
  });
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.name)) {
      throw new InvalidArgumentError(
        `${where}: principal "${entry.name}" is given twice (administrators/accessEntries); expected each principal once (an IAM principal has one access entry).`,
      );
    }
    seen.add(entry.name);
  }
  return entries;
}

interface NodeGroupSettings {
  readonly instanceTypes: readonly string[];
  readonly amiType: string;
  readonly capacityType: "ON_DEMAND" | "SPOT";
  readonly minSize: number;
  readonly maxSize: number;
  readonly desiredSize: number;
  readonly maxUnavailable: number;
  readonly volumes: readonly { readonly deviceName: string; readonly sizeGiB: number }[];
  readonly labels?: Readonly<Record<string, string>>;
  readonly taints?: NodeGroupInput["taints"];
}

function nodeGroupSettings(where: string, key: string, input: NodeGroupInput): NodeGroupSettings {
  const at = `${where}: nodeGroups.${key}`;
  if (!/^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$/.test(key)) {
    throw new InvalidArgumentError(`${where}: node group key "${key}" is invalid; expected 1-32 lower-case letters, digits and "-" (it names the children).`);
  }
  const instanceTypes = input.instanceTypes ?? ["m6i.large"];
  if (instanceTypes.length === 0 || instanceTypes.some((t) => !/^[a-z0-9-]+\.[a-z0-9]+$/.test(t))) {
    throw new InvalidArgumentError(`${at}.instanceTypes ${describe(instanceTypes)} is invalid; expected EC2 instance types such as ["m6i.large"].`);
  }
  const amiType = input.amiType ?? "AL2023_x86_64_STANDARD";
  if (!AMI_TYPE.test(amiType)) {
    throw new InvalidArgumentError(
      `${at}.amiType "${amiType}" is not supported; expected an EKS-optimized AL2023_* or BOTTLEROCKET_* AMI type (Amazon Linux 2 has no AMIs for Kubernetes 1.33 and later; Windows is not supported).`,
    );
  }
  const capacityType = input.capacityType ?? "ON_DEMAND";
  if (capacityType !== "ON_DEMAND" && capacityType !== "SPOT") {
    throw new InvalidArgumentError(`${at}.capacityType ${describe(capacityType)} is invalid; expected "ON_DEMAND" or "SPOT".`);
  }
  const minSize = input.minSize ?? 3;
  const maxSize = input.maxSize ?? Math.max(6, minSize);
  const desiredSize = input.desiredSize ?? minSize;
  const maxUnavailable = input.maxUnavailable ?? 1;
  for (const [field, value] of [["minSize", minSize], ["maxSize", maxSize], ["desiredSize", desiredSize], ["maxUnavailable", maxUnavailable]] as const) {
    if (!Number.isInteger(value) || value < 0) {
      throw new InvalidArgumentError(`${at}.${field} ${describe(value)} is invalid; expected a whole number >= 0.`);
    }
  }
  if (maxSize < 1 || minSize > desiredSize || desiredSize > maxSize) {
    throw new InvalidArgumentError(
      `${at}: sizes min ${minSize}, desired ${desiredSize}, max ${maxSize} are inconsistent; expected minSize <= desiredSize <= maxSize and maxSize >= 1.`,
    );
  }
  if (maxUnavailable < 1) {
    throw new InvalidArgumentError(`${at}.maxUnavailable is 0; expected at least 1 (EKS needs to replace nodes during updates).`);
  }
  const diskSizeGiB = input.diskSizeGiB ?? 50;
  if (!Number.isInteger(diskSizeGiB) || diskSizeGiB < 20 || diskSizeGiB > 16384) {
    throw new InvalidArgumentError(`${at}.diskSizeGiB ${describe(diskSizeGiB)} is invalid; expected a whole number of GiB from 20 to 16384.`);
  }
  const volumes = amiType.startsWith("BOTTLEROCKET_")
    ? [
        { deviceName: "/dev/xvda", sizeGiB: 4 },
        { deviceName: "/dev/xvdb", sizeGiB: diskSizeGiB },
      ]
    : [{ deviceName: "/dev/xvda", sizeGiB: diskSizeGiB }];
  return {
    instanceTypes,
    amiType,
    capacityType,
    minSize,
    maxSize,
    desiredSize,
    maxUnavailable,
    volumes,
    ...(input.labels ? { labels: input.labels } : {}),
    ...(input.taints ? { taints: input.taints } : {}),
  };
}

function stackRegion(where: string): string {
  const region = new pulumi.Config("aws").get("region");
  if (region === undefined || region === "") {
    throw new InvalidArgumentError(`${where}: no region given and the stack has no aws:region; expected \`region\` or \`pulumi config set aws:region us-east-1\`.`);
  }
  return region;
}

function defaultClusterName(name: string): string {
  const base = `${pulumi.getProject()}-${pulumi.getStack()}-${name}`.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^[^A-Za-z0-9]+/, "");
  return shortName(base || "phiguard", 100);
}

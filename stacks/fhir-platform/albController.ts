/**
 * The AWS Load Balancer Controller, which turns the FHIR API's Ingress (made by `SecureWorkload`)
 * into an internal ALB with the HTTPS listener, certificate and WAF web ACL the Ingress names.
 *
 * Installed from AWS's Helm chart (a `helm.v3.Release`: the chart's own objects are not planned
 * offline, so the pack does not see them; see the README), running with an EKS Pod Identity role
 * limited to ALBs, target groups and security groups the controller tags as its own. Its image
 * comes through the stack's ECR pull-through cache of ECR Public, so nodes need no internet access.
 */
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { partitionOf, type SecureCluster } from "../../components";

/** The chart and controller versions (chart 1.13.x ships controller v2.13.x). */
export const ALB_CONTROLLER_CHART_VERSION = "1.13.4";
export const ALB_CONTROLLER_IMAGE_TAG = "v2.13.4";
export const ALB_CONTROLLER_SERVICE_ACCOUNT = "aws-load-balancer-controller";

/**
 * The controller's IAM policy for ALB Ingresses only (no NLB Services, Shield, Cognito or WAF
 * Classic), after the project's reference policy (`docs/install/iam_policy.json`).
 */
export function albControllerPolicy(partition: string): Record<string, unknown> {
  const clusterTag = "aws:ResourceTag/elbv2.k8s.aws/cluster";
  const requestClusterTag = "aws:RequestTag/elbv2.k8s.aws/cluster";
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ServiceLinkedRole",
        Effect: "Allow",
        Action: ["iam:CreateServiceLinkedRole"],
        Resource: "*",
        Condition: { StringEquals: { "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com" } },
      },
      {
        Sid: "Describe",
        Effect: "Allow",
        Action: [
          "ec2:DescribeAccountAttributes",
          "ec2:DescribeAddresses",
          "ec2:DescribeAvailabilityZones",
          "ec2:DescribeInternetGateways",
          "ec2:DescribeVpcs",
          "ec2:DescribeVpcPeeringConnections",
          "ec2:DescribeSubnets",
          "ec2:DescribeSecurityGroups",
          "ec2:DescribeInstances",
          "ec2:DescribeNetworkInterfaces",
          "ec2:DescribeTags",
          "ec2:DescribeRouteTables",
          "ec2:GetSecurityGroupsForVpc",
          "elasticloadbalancing:DescribeLoadBalancers",
          "elasticloadbalancing:DescribeLoadBalancerAttributes",
          "elasticloadbalancing:DescribeListeners",
          "elasticloadbalancing:DescribeListenerAttributes",
          "elasticloadbalancing:DescribeListenerCertificates",
          "elasticloadbalancing:DescribeSSLPolicies",
          "elasticloadbalancing:DescribeRules",
          "elasticloadbalancing:DescribeTargetGroups",
          "elasticloadbalancing:DescribeTargetGroupAttributes",
          "elasticloadbalancing:DescribeTargetHealth",
          "elasticloadbalancing:DescribeTags",
          "elasticloadbalancing:DescribeTrustStores",
          "acm:ListCertificates",
          "acm:DescribeCertificate",
          "wafv2:GetWebACL",
          "wafv2:GetWebACLForResource",
        ],
        Resource: "*",
      },
      {
        Sid: "AttachWebAcl",
        Effect: "Allow",
        Action: ["wafv2:AssociateWebACL", "wafv2:DisassociateWebACL", "elasticloadbalancing:SetWebAcl"],
        Resource: "*",
      },
      {
        Sid: "CreateSecurityGroups",
        Effect: "Allow",
        Action: ["ec2:CreateSecurityGroup"],
        Resource: "*",
      },
      {
        Sid: "TagNewSecurityGroups",
        Effect: "Allow",
        Action: ["ec2:CreateTags"],
        Resource: `arn:${partition}:ec2:*:*:security-group/*`,
        Condition: { StringEquals: { "ec2:CreateAction": "CreateSecurityGroup" }, Null: { [requestClusterTag]: "false" } },
      },
      {
        Sid: "ManageOwnSecurityGroups",
        Effect: "Allow",
        Action: ["ec2:CreateTags", "ec2:DeleteTags", "ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:DeleteSecurityGroup"],
        Resource: `arn:${partition}:ec2:*:*:security-group/*`,
        Condition: { Null: { [clusterTag]: "false" } },
      },
      {
        Sid: "OpenNodeSecurityGroupsToOwnAlbs",
        Effect: "Allow",
        Action: ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"],
        Resource: "*",
      },
      {
        Sid: "CreateTaggedLoadBalancers",
        Effect: "Allow",
        Action: ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"],
        Resource: "*",
        Condition: { Null: { [requestClusterTag]: "false" } },
      },
      {
        Sid: "ManageListenersAndRules",
        Effect: "Allow",
        Action: [
          "elasticloadbalancing:CreateListener",
          "elasticloadbalancing:DeleteListener",
          "elasticloadbalancing:CreateRule",
          "elasticloadbalancing:DeleteRule",
          "elasticloadbalancing:ModifyListener",
          "elasticloadbalancing:ModifyListenerAttributes",
          "elasticloadbalancing:AddListenerCertificates",
          "elasticloadbalancing:RemoveListenerCertificates",
          "elasticloadbalancing:ModifyRule",
        ],
        Resource: "*",
      },
      {
        Sid: "TagOwnLoadBalancers",
        Effect: "Allow",
        Action: ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"],
        Resource: [
          `arn:${partition}:elasticloadbalancing:*:*:targetgroup/*/*`,
          `arn:${partition}:elasticloadbalancing:*:*:loadbalancer/app/*/*`,
          `arn:${partition}:elasticloadbalancing:*:*:listener/app/*/*/*`,
          `arn:${partition}:elasticloadbalancing:*:*:listener-rule/app/*/*/*`,
        ],
      },
      {
        Sid: "ManageOwnLoadBalancers",
        Effect: "Allow",
        Action: [
          "elasticloadbalancing:ModifyLoadBalancerAttributes",
          "elasticloadbalancing:SetIpAddressType",
          "elasticloadbalancing:SetSecurityGroups",
          "elasticloadbalancing:SetSubnets",
          "elasticloadbalancing:DeleteLoadBalancer",
          "elasticloadbalancing:ModifyTargetGroup",
          "elasticloadbalancing:ModifyTargetGroupAttributes",
          "elasticloadbalancing:DeleteTargetGroup",
        ],
        Resource: "*",
        Condition: { Null: { [clusterTag]: "false" } },
      },
      {
        Sid: "RegisterPodTargets",
        Effect: "Allow",
        Action: ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"],
        Resource: `arn:${partition}:elasticloadbalancing:*:*:targetgroup/*/*`,
      },
    ],
  };
}

export interface AlbControllerArgs {
  readonly cluster: SecureCluster;
  readonly vpcId: pulumi.Input<string>;
  /** `<account>.dkr.ecr.<region>.amazonaws.com/<prefix>`: the pull-through cache of ECR Public. */
  readonly ecrPublicCache: pulumi.Input<string>;
}

/** The controller's role, its Pod Identity association and the Helm release. */
export function albController(args: AlbControllerArgs): k8s.helm.v3.Release {
  const { cluster } = args;
  const partition = partitionOf(cluster.region);
  const role = cluster.podIdentityRole("kube-system", ALB_CONTROLLER_SERVICE_ACCOUNT, { policy: JSON.stringify(albControllerPolicy(partition)) });
  const association = cluster.addPodIdentity("kube-system", ALB_CONTROLLER_SERVICE_ACCOUNT, role.arn);
  return new k8s.helm.v3.Release(
    "alb-controller",
    {
      name: "aws-load-balancer-controller",
      namespace: "kube-system",
      chart: "aws-load-balancer-controller",
      version: ALB_CONTROLLER_CHART_VERSION,
      repositoryOpts: { repo: "https://aws.github.io/eks-charts" },
      atomic: true,
      values: {
        clusterName: cluster.clusterName,
        region: cluster.region,
        vpcId: args.vpcId,
        replicaCount: 2,
        image: { repository: pulumi.interpolate`${args.ecrPublicCache}/eks/aws-load-balancer-controller`, tag: ALB_CONTROLLER_IMAGE_TAG },
        serviceAccount: { create: true, name: ALB_CONTROLLER_SERVICE_ACCOUNT },
        enableShield: false,
        enableWaf: false,
        enableWafv2: true,
        defaultSSLPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      },
    },
    { provider: cluster.provider, dependsOn: [association] },
  );
}

/** Lets the nodes pull (and on first pull, create) cached ECR Public repositories. */
export function nodePullThroughCacheAccess(cluster: SecureCluster, repositoryArnPrefix: pulumi.Input<string>): aws.iam.RolePolicy {
  return new aws.iam.RolePolicy("node-ecr-public-cache", {
    role: cluster.nodeRole.name,
    policy: pulumi.jsonStringify({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "PullThroughCacheOfEcrPublic",
          Effect: "Allow",
          Action: ["ecr:CreateRepository", "ecr:BatchImportUpstreamImage"],
          Resource: pulumi.interpolate`${repositoryArnPrefix}/*`,
        },
      ],
    }),
  });
}

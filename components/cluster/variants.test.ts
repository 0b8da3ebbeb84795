/**
 * SecureCluster and SecureWorkload options through the planner: an existing VPC, a restricted public
 * endpoint, a key of the caller's, no EBS CSI driver; a workload with a tag from an allowed
 * registry, its token mounted on request, no Ingress. And the kubeconfig the provider gets.
 */
import { beforeAll, describe, expect, test } from "vitest";
import type { Plan } from "../../cli/plan";
import { evaluatePlan } from "../../policies/engine";
import { hipaaPolicies } from "../../policies/hipaa";
import { planTestProgram } from "../../test/support/plan";
import { kubeconfigFor } from "./secureCluster";
import { ACCOUNT, ADMIN_ARN, byName, CONFIG, deps, names, ofType, props, urnOf } from "./test-programs";

const REGISTRY = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;

const PROGRAM = `
import * as aws from "@pulumi/aws";
import { EnvelopeKey, SecureCluster, WorkloadBaseline, SecureWorkload } from "../../components";

const key = new EnvelopeKey("platform", { allowCloudWatchLogs: true, viaServices: ["ec2"] });
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.20.0.0/16" });
const a = new aws.ec2.Subnet("private-a", { vpcId: vpc.id, cidrBlock: "10.20.1.0/24", availabilityZone: "us-east-1a", mapPublicIpOnLaunch: false });
const b = new aws.ec2.Subnet("private-b", { vpcId: vpc.id, cidrBlock: "10.20.2.0/24", availabilityZone: "us-east-1b", mapPublicIpOnLaunch: false });
const admin = new aws.iam.Role("ci-deployer", { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::${ACCOUNT}:root" }, Action: "sts:AssumeRole" }] }) });
const cluster = new SecureCluster("core", {
  vpcId: vpc.id,
  privateSubnetIds: [a.id, b.id],
  key,
  clusterName: "clinical-core",
  version: "1.32",
  publicAccessCidrs: ["203.0.113.0/24"],
  endpointAllowedCidrs: ["10.20.0.0/16"],
  administrators: ["${ADMIN_ARN}", admin],
  nodeGroups: { spot: { capacityType: "SPOT", instanceTypes: ["m6i.large", "m6a.large"], minSize: 1, desiredSize: 2, maxSize: 3 } },
  addonVersions: { "vpc-cni": "v1.19.2-eksbuild.1" },
  supportType: "EXTENDED",
  deletionProtection: false,
  nodeSsmAccess: false,
  logRetentionInDays: 731,
  kubeconfigRoleArn: "${ADMIN_ARN}",
});
const baseline = new WorkloadBaseline("base", { namespaces: { jobs: {} }, podIdentityAgentEgress: false }, { providers: [cluster.provider] });
new SecureWorkload("operator", {
  namespace: "jobs",
  baseline,
  appName: "jobs-operator",
  image: "${REGISTRY}/operator:2.3.1",
  allowedRegistries: ["*.dkr.ecr.*.amazonaws.com"],
  resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "1", memory: "1Gi" } },
  automountServiceAccountToken: true,
  runAsUser: 20000,
  containerPort: 9443,
  autoscaling: { minReplicas: 3, maxReplicas: 5, targetCpuUtilization: 60 },
  livenessProbe: { path: "/livez", periodSeconds: 20 },
}, { provider: cluster.provider });
`;

let plan: Plan;
beforeAll(async () => {
  plan = await planTestProgram(PROGRAM, { config: CONFIG });
});

describe("SecureCluster on an existing VPC with a restricted public endpoint and the caller's key", () => {
  test("the public endpoint is on, limited to the given CIDRs, and the private endpoint stays on", () => {
    const cluster = byName(plan, "core-cluster");
    expect(props(cluster)).toMatchObject({
      name: "clinical-core",
      version: "1.32",
      vpcConfig: { endpointPrivateAccess: true, endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] },
      upgradePolicy: { supportType: "EXTENDED" },
      deletionProtection: false,
    });
    expect(deps(cluster, "vpcConfig")).toEqual([urnOf(plan, "private-a"), urnOf(plan, "private-b"), urnOf(plan, "core-cluster-sg")].sort());
    expect(props(byName(plan, "core-cluster-sg")).ingress[0].cidrBlocks).toEqual(["10.20.0.0/16"]);
  });

  test("the caller's key encrypts secrets, logs and volumes; no key of its own", () => {
    expect(plan.resources.filter((r) => r.name === "core-key")).toEqual([]);
    const keyUrn = urnOf(plan, "platform-key-us-east-1");
    expect(deps(byName(plan, "core-cluster"), "encryptionConfig")).toEqual([keyUrn]);
    expect(deps(byName(plan, "core-control-plane-logs"), "kmsKeyId")).toEqual([keyUrn]);
    expect(props(byName(plan, "core-control-plane-logs"))).toMatchObject({ name: "/aws/eks/clinical-core/cluster", retentionInDays: 731 });
    expect(deps(byName(plan, "core-lt-spot"), "blockDeviceMappings")).toEqual([keyUrn]);
  });

  test("an aws.iam.Role administrator is named after its resource; options reach node groups and add-ons", () => {
    expect(names(ofType(plan, "aws:eks/accessEntry:AccessEntry"))).toEqual(["core-access-PlatformAdmin", "core-access-ci-deployer"]);
    expect(deps(byName(plan, "core-access-ci-deployer"), "principalArn")).toEqual([urnOf(plan, "ci-deployer")]);
    expect(props(byName(plan, "core-ng-spot"))).toMatchObject({
      capacityType: "SPOT",
      version: "1.32",
      scalingConfig: { minSize: 1, desiredSize: 2, maxSize: 3 },
    });
    expect(props(byName(plan, "core-addon-vpc-cni")).addonVersion).toBe("v1.19.2-eksbuild.1");
    expect(names(ofType(plan, "aws:eks/addon:Addon"))).toEqual([
      "core-addon-coredns",
      "core-addon-eks-pod-identity-agent",
      "core-addon-kube-proxy",
      "core-addon-vpc-cni",
    ]);
    expect(plan.resources.filter((r) => r.name.startsWith("core-node-role-")).map((r) => r.name)).not.toContain(
      "core-node-role-AmazonSSMManagedInstanceCore",
    );
    expect(ofType(plan, "kubernetes:storage.k8s.io/v1:StorageClass")).toEqual([]);
  });

  test("a baseline may get the provider through `providers`; Pod Identity agent egress can be left out", () => {
    expect(byName(plan, "base-jobs").provider).toBe(urnOf(plan, "core-k8s"));
    expect(plan.resources.filter((r) => r.name === "base-jobs-allow-pod-identity-agent")).toEqual([]);
  });

  test("a workload with a fixed tag from an allowed registry, its token mounted on request", () => {
    const deployment = byName(plan, "operator-deployment");
    const spec = props(deployment).spec.template.spec;
    expect(spec.containers[0].image).toBe(`${REGISTRY}/operator:2.3.1`);
    expect(spec.automountServiceAccountToken).toBe(true);
    expect(spec.serviceAccountName).toBe("jobs-operator");
    expect(spec.securityContext.runAsUser).toBe(20000);
    expect(spec.containers[0].livenessProbe).toMatchObject({ httpGet: { path: "/livez" }, periodSeconds: 20 });
    expect(props(byName(plan, "operator-service-account")).automountServiceAccountToken).toBe(false);
    expect(props(byName(plan, "operator-hpa")).spec).toMatchObject({ minReplicas: 3, maxReplicas: 5 });
    expect(plan.resources.filter((r) => r.name === "operator-ingress" || r.name.startsWith("operator-allow-"))).toEqual([]);
  });

  test("the pack reports nothing (with the registry allowed in its config)", async () => {
    const { findings } = await evaluatePlan(plan, hipaaPolicies, {
      policyConfig: { "k8s-image-pinned-by-digest": { allowedRegistries: ["*.dkr.ecr.*.amazonaws.com"] } },
    });
    // The bare VPC this program makes for the test is not a component's: its findings are not ours.
    const ours = findings.filter((f) => f.resourceName !== "vpc");
    expect(ours.map((f) => `${f.ruleId} ${f.resourceName}`)).toEqual([]);
  });
});

describe("kubeconfigFor", () => {
  test("an exec kubeconfig with `aws eks get-token`, optionally assuming a role", () => {
    const config = JSON.parse(
      kubeconfigFor({ clusterName: "c1", region: "eu-west-1", endpoint: "https://x.eks.amazonaws.com", certificateAuthorityData: "Q0E=", roleArn: ADMIN_ARN }),
    );
    expect(config).toEqual({
      apiVersion: "v1",
      kind: "Config",
      clusters: [{ name: "c1", cluster: { server: "https://x.eks.amazonaws.com", "certificate-authority-data": "Q0E=" } }],
      contexts: [{ name: "c1", context: { cluster: "c1", user: "c1" } }],
      "current-context": "c1",
      users: [
        {
          name: "c1",
          user: {
            exec: {
              apiVersion: "client.authentication.k8s.io/v1beta1",
              command: "aws",
              args: ["--region", "eu-west-1", "eks", "get-token", "--cluster-name", "c1", "--output", "json", "--role-arn", ADMIN_ARN],
              interactiveMode: "Never",
            },
          },
        },
      ],
    });
    const plain = JSON.parse(kubeconfigFor({ clusterName: "c1", region: "eu-west-1", endpoint: "https://x", certificateAuthorityData: "Q0E=" }));
    expect(plain.users[0].user.exec.args).not.toContain("--role-arn");
  });
});

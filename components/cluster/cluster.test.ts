/**
 * SecureCluster, WorkloadBaseline and SecureWorkload through the real offline planner (one plan of
 * `FULL_PROGRAM`), and the HIPAA pack over that plan.
 */
import { beforeAll, describe, expect, test } from "vitest";
import type { Plan } from "../../cli/plan";
import { evaluatePlan } from "../../policies/engine";
import { hipaaPolicies } from "../../policies/hipaa";
import { kubernetesRules } from "../../policies/hipaa/rules/kubernetes";
import { planTestProgram } from "../../test/support/plan";
import { ALB_SSL_POLICY } from "./secureWorkload";
import { POD_SECURITY_LABELS } from "./workloadBaseline";
import {
  ACCOUNT,
  ADMIN_ARN,
  byName,
  CERTIFICATE_ARN,
  CONFIG,
  deps,
  DIGEST_IMAGE,
  FULL_PROGRAM,
  names,
  ofType,
  props,
  urnOf,
  WAF_ARN,
} from "./test-programs";

const CLUSTER_NAME = "test-test-eks"; // <project>-<stack>-<name>
const PRIVATE_SUBNETS = [0, 1, 2].map((i) => `net-subnet-us-east-1-private-${i}`);
const NON_TAGGABLE = new Set([
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  "aws:iam/rolePolicy:RolePolicy",
  "aws:eks/accessPolicyAssociation:AccessPolicyAssociation",
  "aws:kms/alias:Alias",
]);

let plan: Plan;
beforeAll(async () => {
  plan = await planTestProgram(FULL_PROGRAM, { config: CONFIG });
});

const urns = (...resourceNames: string[]) => resourceNames.map((n) => urnOf(plan, n)).sort();
const under = (component: string) => plan.resources.filter((r) => r.parent === urnOf(plan, component));
const kubernetesObjects = () => plan.resources.filter((r) => r.type.startsWith("kubernetes:"));
const statements = (json: unknown) => (JSON.parse(json as string) as { Statement: Record<string, any>[] }).Statement;

describe("SecureCluster", () => {
  test("an EKS cluster with a literal name, private endpoint only, in the network's private subnets", () => {
    expect(byName(plan, "eks").type).toBe("phiguard:cluster:SecureCluster");
    const cluster = byName(plan, "eks-cluster");
    expect(cluster.type).toBe("aws:eks/cluster:Cluster");
    expect(cluster.parent).toBe(urnOf(plan, "eks"));
    expect(cluster.region).toBe("us-east-1");
    expect(props(cluster)).toMatchObject({
      name: CLUSTER_NAME,
      version: "1.33",
      region: "us-east-1",
      vpcConfig: { endpointPrivateAccess: true, endpointPublicAccess: false },
      bootstrapSelfManagedAddons: false,
      upgradePolicy: { supportType: "STANDARD" },
      deletionProtection: true,
      kubernetesNetworkConfig: { ipFamily: "ipv4" },
    });
    expect(props(cluster).vpcConfig.publicAccessCidrs).toBeUndefined();
    expect(deps(cluster, "vpcConfig")).toEqual(urns(...PRIVATE_SUBNETS, "eks-cluster-sg"));
    expect(deps(cluster, "roleArn")).toEqual(urns("eks-cluster-role"));
  });

  test("secrets are envelope-encrypted with the cluster's EnvelopeKey", () => {
    const cluster = byName(plan, "eks-cluster");
    expect(props(cluster).encryptionConfig.resources).toEqual(["secrets"]);
    expect(deps(cluster, "encryptionConfig")).toEqual(urns("eks-key-key-us-east-1"));
    expect(byName(plan, "eks-key").type).toBe("phiguard:keys:EnvelopeKey");
    const key = props(byName(plan, "eks-key-key-us-east-1"));
    expect(key).toMatchObject({ enableKeyRotation: true, region: "us-east-1" });
    const sids = statements(key.policy).map((s) => s.Sid);
    expect(sids).toEqual(expect.arrayContaining(["CloudWatchLogsOfThisAccount", "UseThroughAwsServicesOfThisAccount"]));
    const via = statements(key.policy).find((s) => s.Sid === "UseThroughAwsServicesOfThisAccount")!;
    expect(JSON.stringify(via.Condition)).toContain("ec2.us-east-1.amazonaws.com");
  });

  test("all five control-plane log types go to a KMS-encrypted log group created before the cluster", () => {
    const cluster = byName(plan, "eks-cluster");
    expect(props(cluster).enabledClusterLogTypes).toEqual(["api", "audit", "authenticator", "controllerManager", "scheduler"]);
    const logs = byName(plan, "eks-control-plane-logs");
    expect(props(logs)).toMatchObject({ name: `/aws/eks/${CLUSTER_NAME}/cluster`, retentionInDays: 365, region: "us-east-1" });
    expect(deps(logs, "kmsKeyId")).toEqual(urns("eks-key-key-us-east-1"));
    expect(cluster.dependencies).toEqual(
      expect.arrayContaining(urns("eks-control-plane-logs", "eks-cluster-role-AmazonEKSClusterPolicy", "eks-cluster-role-kms", "eks-key-alias-us-east-1")),
    );
  });

  test("access entries (API mode, no creator admin) for the administrators and the extra entries", () => {
    expect(props(byName(plan, "eks-cluster")).accessConfig).toEqual({ authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false });
    expect(names(ofType(plan, "aws:eks/accessEntry:AccessEntry"))).toEqual(["eks-access-PlatformAdmin", "eks-access-ehr-oncall"]);
    const admin = byName(plan, "eks-access-PlatformAdmin");
    expect(props(admin)).toMatchObject({ principalArn: ADMIN_ARN, type: "STANDARD" });
    expect(deps(admin, "clusterName")).toEqual(urns("eks-cluster"));
    const adminPolicy = byName(plan, "eks-access-PlatformAdmin-cluster-admin");
    expect(props(adminPolicy)).toMatchObject({
      policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
      accessScope: { type: "cluster" },
    });
    expect(deps(adminPolicy, "principalArn")).toEqual(urns("eks-access-PlatformAdmin"));
    expect(props(byName(plan, "eks-access-ehr-oncall-view"))).toMatchObject({
      policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy",
      accessScope: { type: "namespace", namespaces: ["ehr"] },
    });
    // No aws-auth ConfigMap anywhere.
    expect(plan.resources.filter((r) => r.type.includes("ConfigMap"))).toEqual([]);
  });

  test("cluster and node IAM roles with their managed policies; the key is used by alias, known at preview", () => {
    const clusterRole = byName(plan, "eks-cluster-role");
    expect(statements(props(clusterRole).assumeRolePolicy)).toEqual([
      { Sid: "EksControlPlane", Effect: "Allow", Principal: { Service: "eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] },
    ]);
    expect(props(byName(plan, "eks-cluster-role-AmazonEKSClusterPolicy")).policyArn).toBe("arn:aws:iam::aws:policy/AmazonEKSClusterPolicy");
    const kms = statements(props(byName(plan, "eks-cluster-role-kms")).policy);
    expect(kms).toEqual([
      {
        Sid: "SecretsEnvelopeEncryption",
        Effect: "Allow",
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"],
        Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/*`,
        Condition: { "ForAnyValue:StringEquals": { "kms:ResourceAliases": "alias/test/test/eks-key" } },
      },
    ]);
    const nodeRole = byName(plan, "eks-node-role");
    expect(statements(props(nodeRole).assumeRolePolicy)[0]).toMatchObject({ Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" });
    const nodePolicies = plan.resources
      .filter((r) => r.name.startsWith("eks-node-role-"))
      .map((r) => props(r).policyArn)
      .sort();
    expect(nodePolicies).toEqual(
      ["AmazonEC2ContainerRegistryPullOnly", "AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonSSMManagedInstanceCore"].map(
        (p) => `arn:aws:iam::aws:policy/${p}`,
      ),
    );
  });

  test("the cluster security group admits HTTPS from the VPC only and sends nothing", () => {
    const sg = byName(plan, "eks-cluster-sg");
    expect(props(sg)).toMatchObject({
      ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16"] }],
      egress: [],
      region: "us-east-1",
    });
    expect(deps(sg, "vpcId")).toEqual(urns("net-vpc-us-east-1"));
  });

  test("launch templates: IMDSv2 required, hop limit 1, every EBS volume encrypted with the CMK, no instance profile", () => {
    expect(names(ofType(plan, "aws:ec2/launchTemplate:LaunchTemplate"))).toEqual(["eks-lt-general", "eks-lt-secure"]);
    for (const name of ["eks-lt-general", "eks-lt-secure"]) {
      const lt = byName(plan, name);
      expect(props(lt).metadataOptions).toEqual({
        httpEndpoint: "enabled",
        httpTokens: "required",
        httpPutResponseHopLimit: 1,
        instanceMetadataTags: "disabled",
      });
      expect(props(lt)).toMatchObject({ monitoring: { enabled: true }, region: "us-east-1" });
      expect(props(lt).iamInstanceProfile).toBeUndefined(); // EKS rejects it in node group templates
      expect(props(lt).networkInterfaces).toBeUndefined();
      expect(deps(lt, "blockDeviceMappings")).toEqual(urns("eks-key-key-us-east-1"));
      for (const mapping of props(lt).blockDeviceMappings) {
        expect(mapping.ebs).toMatchObject({ encrypted: "true", volumeType: "gp3", deleteOnTermination: "true", kmsKeyId: { "@phiguard": "unknown" } });
      }
      expect(props(lt).tagSpecifications.map((t: any) => t.resourceType)).toEqual(["instance", "volume", "network-interface"]);
    }
    expect(props(byName(plan, "eks-lt-general")).blockDeviceMappings.map((m: any) => [m.deviceName, m.ebs.volumeSize])).toEqual([["/dev/xvda", 50]]);
    expect(props(byName(plan, "eks-lt-secure")).blockDeviceMappings.map((m: any) => [m.deviceName, m.ebs.volumeSize])).toEqual([
      ["/dev/xvda", 4],
      ["/dev/xvdb", 100],
    ]);
  });

  test("managed node groups in the private subnets, on their launch templates, with EKS-optimized AMI types", () => {
    const general = byName(plan, "eks-ng-general");
    expect(props(general)).toMatchObject({
      version: "1.33",
      amiType: "AL2023_x86_64_STANDARD",
      capacityType: "ON_DEMAND",
      instanceTypes: ["m6i.large"],
      scalingConfig: { minSize: 3, desiredSize: 3, maxSize: 6 },
      updateConfig: { maxUnavailable: 1 },
      nodeRepairConfig: { enabled: true },
    });
    expect(props(general).remoteAccess).toBeUndefined();
    expect(props(general).diskSize).toBeUndefined();
    expect(deps(general, "subnetIds")).toEqual(urns(...PRIVATE_SUBNETS));
    expect(deps(general, "launchTemplate")).toEqual(urns("eks-lt-general"));
    expect(deps(general, "nodeRoleArn")).toEqual(urns("eks-node-role"));
    expect(general.options.ignoreChanges).toEqual(["scalingConfig.desiredSize"]);
    expect(general.dependencies).toEqual(
      expect.arrayContaining(urns("eks-node-role-AmazonEKSWorkerNodePolicy", "eks-addon-vpc-cni", "eks-addon-kube-proxy", "eks-addon-eks-pod-identity-agent")),
    );
    expect(props(byName(plan, "eks-ng-secure"))).toMatchObject({
      amiType: "BOTTLEROCKET_x86_64",
      instanceTypes: ["m6i.xlarge", "m7i.xlarge"],
      scalingConfig: { minSize: 2, desiredSize: 2, maxSize: 4 },
      labels: { tier: "secure" },
    });
  });

  test("managed add-ons: vpc-cni enforcing NetworkPolicy, kube-proxy, Pod Identity agent, then coredns and the EBS CSI driver", () => {
    const addons = ofType(plan, "aws:eks/addon:Addon");
    expect(names(addons)).toEqual([
      "eks-addon-aws-ebs-csi-driver",
      "eks-addon-coredns",
      "eks-addon-eks-pod-identity-agent",
      "eks-addon-kube-proxy",
      "eks-addon-vpc-cni",
    ]);
    for (const addon of addons) {
      expect(deps(addon, "clusterName")).toEqual(urns("eks-cluster"));
      expect(props(addon)).toMatchObject({ resolveConflictsOnCreate: "OVERWRITE", resolveConflictsOnUpdate: "OVERWRITE" });
      expect(props(addon).addonVersion).toBeUndefined();
    }
    expect(JSON.parse(props(byName(plan, "eks-addon-vpc-cni")).configurationValues)).toEqual({ enableNetworkPolicy: "true" });
    expect(byName(plan, "eks-addon-coredns").dependencies).toEqual(expect.arrayContaining(urns("eks-ng-general", "eks-ng-secure")));
    const ebs = byName(plan, "eks-addon-aws-ebs-csi-driver");
    expect(props(ebs).podIdentityAssociations).toEqual([{ roleArn: { "@phiguard": "unknown" }, serviceAccount: "ebs-csi-controller-sa" }]);
    expect(deps(ebs, "podIdentityAssociations")).toEqual(urns("eks-ebs-csi-role"));
    const trust = statements(props(byName(plan, "eks-ebs-csi-role")).assumeRolePolicy)[0]!;
    expect(trust.Condition.StringEquals).toEqual({
      "aws:RequestTag/eks-cluster-name": CLUSTER_NAME,
      "aws:RequestTag/kubernetes-namespace": "kube-system",
      "aws:RequestTag/kubernetes-service-account": "ebs-csi-controller-sa",
    });
    expect(props(byName(plan, "eks-ebs-csi-role-AmazonEBSCSIDriverPolicy")).policyArn).toBe(
      "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy",
    );
  });

  test("a Kubernetes provider built from the cluster's kubeconfig, ready once access, add-ons and nodes are", () => {
    const provider = byName(plan, "eks-k8s");
    expect(provider.type).toBe("pulumi:providers:kubernetes");
    expect(deps(provider, "kubeconfig")).toEqual(urns("eks-cluster"));
    expect(props(provider)).toMatchObject({ enableServerSideApply: "true" });
    expect(provider.dependencies).toEqual(
      expect.arrayContaining(urns("eks-access-PlatformAdmin-cluster-admin", "eks-addon-vpc-cni", "eks-addon-coredns", "eks-ng-general", "eks-ng-secure")),
    );
    const storageClass = byName(plan, "eks-storage-class");
    expect(storageClass.provider).toBe(provider.urn);
    expect(props(storageClass)).toMatchObject({
      metadata: { name: "gp3-encrypted" },
      provisioner: "ebs.csi.aws.com",
      parameters: { type: "gp3", encrypted: "true" },
      reclaimPolicy: "Retain",
      volumeBindingMode: "WaitForFirstConsumer",
    });
    expect(deps(storageClass, "parameters")).toEqual(urns("eks-key-key-us-east-1"));
  });

  test("Pod Identity: a role trusted only for one service account of this cluster, and its association", () => {
    const role = byName(plan, "eks-pod-role-ehr-ehr-api");
    expect(statements(props(role).assumeRolePolicy)).toEqual([
      {
        Sid: "EksPodIdentity",
        Effect: "Allow",
        Principal: { Service: "pods.eks.amazonaws.com" },
        Action: ["sts:AssumeRole", "sts:TagSession"],
        Condition: {
          StringEquals: {
            "aws:RequestTag/eks-cluster-name": CLUSTER_NAME,
            "aws:RequestTag/kubernetes-namespace": "ehr",
            "aws:RequestTag/kubernetes-service-account": "ehr-api",
          },
        },
      },
    ]);
    expect(byName(plan, "eks-pod-role-ehr-ehr-api-policy").type).toBe("aws:iam/rolePolicy:RolePolicy");
    const association = byName(plan, "eks-pod-identity-ehr-ehr-api");
    expect(association.parent).toBe(urnOf(plan, "eks"));
    expect(props(association)).toMatchObject({ namespace: "ehr", serviceAccount: "ehr-api", region: "us-east-1" });
    expect(deps(association, "roleArn")).toEqual(urns("eks-pod-role-ehr-ehr-api"));
    expect(deps(association, "clusterName")).toEqual(urns("eks-cluster"));
  });

  test("every taggable AWS child carries the tagging convention; EC2 children also a Name", () => {
    const awsChildren = plan.resources.filter(
      (r) => r.custom && r.type.startsWith("aws:") && (r.parent === urnOf(plan, "eks") || r.parent === urnOf(plan, "eks-key")),
    );
    expect(awsChildren.length).toBeGreaterThan(20);
    for (const resource of awsChildren.filter((r) => !NON_TAGGABLE.has(r.type))) {
      expect(props(resource).tags, resource.name).toMatchObject({
        "data-classification": "phi",
        owner: "clinical-platform",
        environment: "test",
        "managed-by": "phiguard",
        "phiguard:component": expect.stringMatching(/^phiguard:(cluster:SecureCluster|keys:EnvelopeKey)$/),
        "cost-centre": "cc-42",
      });
    }
    expect(props(byName(plan, "eks-cluster-sg")).tags.Name).toBe("eks-cluster-sg");
    expect(props(byName(plan, "eks-lt-general")).tags.Name).toBe("eks-lt-general");
    expect(props(byName(plan, "eks-lt-general")).tagSpecifications[0].tags).toMatchObject({ Name: `${CLUSTER_NAME}-general`, owner: "clinical-platform" });
  });

  test("the child names are the documented contract", () => {
    expect(names(under("eks"))).toEqual(
      [
        "eks-access-PlatformAdmin",
        "eks-access-PlatformAdmin-cluster-admin",
        "eks-access-ehr-oncall",
        "eks-access-ehr-oncall-view",
        "eks-addon-aws-ebs-csi-driver",
        "eks-addon-coredns",
        "eks-addon-eks-pod-identity-agent",
        "eks-addon-kube-proxy",
        "eks-addon-vpc-cni",
        "eks-cluster",
        "eks-cluster-role",
        "eks-cluster-role-AmazonEKSClusterPolicy",
        "eks-cluster-role-kms",
        "eks-cluster-sg",
        "eks-control-plane-logs",
        "eks-ebs-csi-role",
        "eks-ebs-csi-role-AmazonEBSCSIDriverPolicy",
        "eks-ebs-csi-role-kms",
        "eks-k8s",
        "eks-key",
        "eks-lt-general",
        "eks-lt-secure",
        "eks-ng-general",
        "eks-ng-secure",
        "eks-node-role",
        "eks-node-role-AmazonEC2ContainerRegistryPullOnly",
        "eks-node-role-AmazonEKSWorkerNodePolicy",
        "eks-node-role-AmazonEKS_CNI_Policy",
        "eks-node-role-AmazonSSMManagedInstanceCore",
        "eks-pod-identity-ehr-ehr-api",
        "eks-pod-role-ehr-ehr-api",
        "eks-pod-role-ehr-ehr-api-policy",
        "eks-storage-class",
      ].sort(),
    );
  });
});

describe("WorkloadBaseline", () => {
  test("every Kubernetes object uses the cluster's provider, whose kubeconfig comes from the cluster", () => {
    const provider = byName(plan, "eks-k8s");
    const objects = kubernetesObjects();
    expect(objects.length).toBeGreaterThan(20);
    for (const object of objects) expect(object.provider, object.name).toBe(provider.urn);
    expect(deps(provider, "kubeconfig")).toEqual(urns("eks-cluster"));
    expect(byName(plan, "apps").type).toBe("phiguard:cluster:WorkloadBaseline");
  });

  test("namespaces labelled for Pod Security restricted (enforce, audit, warn)", () => {
    expect(names(ofType(plan, "kubernetes:core/v1:Namespace"))).toEqual(["apps-ehr", "apps-reporting"]);
    expect(props(byName(plan, "apps-ehr")).metadata).toEqual({ name: "ehr", labels: { team: "ehr", ...POD_SECURITY_LABELS } });
    expect(props(byName(plan, "apps-reporting")).metadata.labels).toMatchObject({
      "pod-security.kubernetes.io/enforce": "restricted",
      "pod-security.kubernetes.io/audit": "restricted",
      "pod-security.kubernetes.io/warn": "restricted",
    });
  });

  test("each namespace's default service account stops mounting its token", () => {
    const patch = byName(plan, "apps-ehr-default-sa");
    expect(patch.type).toBe("kubernetes:core/v1:ServiceAccountPatch");
    expect(props(patch)).toEqual({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: "ehr" }, automountServiceAccountToken: false });
    expect(patch.dependencies).toContain(urnOf(plan, "apps-ehr"));
  });

  test("a default-deny NetworkPolicy per namespace, DNS and Pod Identity agent egress, and the given allows", () => {
    for (const ns of ["ehr", "reporting"]) {
      expect(props(byName(plan, `apps-${ns}-default-deny`))).toMatchObject({
        metadata: { name: "default-deny", namespace: ns },
        spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
      });
      expect(props(byName(plan, `apps-${ns}-default-deny`)).spec.ingress).toBeUndefined();
      expect(props(byName(plan, `apps-${ns}-default-deny`)).spec.egress).toBeUndefined();
      expect(props(byName(plan, `apps-${ns}-allow-dns`)).spec).toEqual({
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [
          {
            to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
            ports: [
              { protocol: "UDP", port: 53 },
              { protocol: "TCP", port: 53 },
            ],
          },
        ],
      });
      expect(props(byName(plan, `apps-${ns}-allow-pod-identity-agent`)).spec.egress).toEqual([
        { to: [{ ipBlock: { cidr: "169.254.170.23/32" } }], ports: [{ protocol: "TCP", port: 80 }] },
      ]);
    }
    expect(props(byName(plan, "apps-ehr-allow-from-reporting"))).toMatchObject({
      metadata: { name: "allow-from-reporting", namespace: "ehr" },
      spec: {
        podSelector: {},
        policyTypes: ["Ingress"],
        ingress: [
          {
            from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "reporting" } }, podSelector: { matchLabels: { app: "reporter" } } }],
            ports: [{ protocol: "TCP", port: 8080 }],
          },
        ],
      },
    });
  });

  test("a ResourceQuota (no LoadBalancer or NodePort services) and a LimitRange per namespace", () => {
    expect(props(byName(plan, "apps-ehr-quota"))).toMatchObject({
      metadata: { name: "phiguard-quota", namespace: "ehr" },
      spec: {
        hard: {
          "requests.cpu": "8",
          "requests.memory": "8Gi",
          "limits.cpu": "16",
          "limits.memory": "16Gi",
          pods: "40",
          persistentvolumeclaims: "10",
          "requests.storage": "500Gi",
          "services.loadbalancers": "0",
          "services.nodeports": "0",
        },
      },
    });
    expect(props(byName(plan, "apps-reporting-limits")).spec.limits).toEqual([
      { type: "Container", defaultRequest: { cpu: "100m", memory: "128Mi" }, default: { cpu: "500m", memory: "512Mi" }, max: { cpu: "4", memory: "8Gi" } },
    ]);
  });

  test("RBAC from the typed list: exact rules, a RoleBinding to the named group", () => {
    expect(props(byName(plan, "apps-ehr-role-deployer"))).toMatchObject({
      metadata: { name: "deployer", namespace: "ehr" },
      rules: [
        { apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "list", "watch", "patch"] },
        { apiGroups: [""], resources: ["secrets"], verbs: ["get"], resourceNames: ["ehr-db"] },
      ],
    });
    expect(props(byName(plan, "apps-ehr-binding-deployer"))).toMatchObject({
      metadata: { name: "deployer", namespace: "ehr" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "deployer" },
      subjects: [{ kind: "Group", name: "ehr-deployers", apiGroup: "rbac.authorization.k8s.io" }],
    });
    expect(names(under("apps"))).toEqual(
      [
        "apps-ehr", "apps-ehr-default-sa", "apps-ehr-default-deny", "apps-ehr-allow-dns", "apps-ehr-allow-pod-identity-agent",
        "apps-ehr-allow-from-reporting", "apps-ehr-quota", "apps-ehr-limits", "apps-ehr-role-deployer", "apps-ehr-binding-deployer",
        "apps-reporting", "apps-reporting-default-sa", "apps-reporting-default-deny", "apps-reporting-allow-dns",
        "apps-reporting-allow-pod-identity-agent", "apps-reporting-quota", "apps-reporting-limits",
      ].sort(),
    );
  });
});

describe("SecureWorkload", () => {
  const deployment = () => byName(plan, "ehr-api-deployment");
  const podSpec = () => props(deployment()).spec.template.spec;

  test("a dedicated ServiceAccount without a token; the pod uses it and mounts no token", () => {
    expect(props(byName(plan, "ehr-api-service-account"))).toMatchObject({
      metadata: { name: "ehr-api", namespace: "ehr" },
      automountServiceAccountToken: false,
    });
    expect(podSpec()).toMatchObject({ serviceAccountName: "ehr-api", automountServiceAccountToken: false, enableServiceLinks: false });
  });

  test("a hardened pod spec: non-root UID >= 10000, read-only root, no escalation, no capabilities, RuntimeDefault seccomp, no host namespaces", () => {
    const spec = podSpec();
    expect(spec).toMatchObject({ hostNetwork: false, hostPID: false, hostIPC: false });
    expect(spec.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      fsGroup: 10001,
      seccompProfile: { type: "RuntimeDefault" },
    });
    expect(spec.containers).toHaveLength(1);
    const container = spec.containers[0];
    expect(container.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ["ALL"] },
      seccompProfile: { type: "RuntimeDefault" },
    });
    expect(container.ports).toEqual([{ name: "http", containerPort: 8080, protocol: "TCP" }]);
    expect(container.ports[0].hostPort).toBeUndefined();
    expect(JSON.stringify(spec.volumes)).not.toContain("hostPath");
  });

  test("the pinned image, requests and limits, probes, writable /tmp and Secrets as read-only files", () => {
    const container = podSpec().containers[0];
    expect(container.image).toBe(DIGEST_IMAGE);
    expect(container.resources).toEqual({ requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "500m", memory: "512Mi" } });
    expect(container.livenessProbe).toEqual({ httpGet: { path: "/healthz", port: "http", scheme: "HTTP" }, initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 });
    expect(container.readinessProbe.httpGet.path).toBe("/readyz");
    expect(container.env).toEqual([{ name: "LOG_LEVEL", value: "info" }]);
    expect(container.volumeMounts).toEqual([
      { name: "writable-0", mountPath: "/tmp", readOnly: false },
      { name: "secret-0", mountPath: "/var/run/secrets/ehr-db", readOnly: true },
    ]);
    expect(podSpec().volumes).toEqual([
      { name: "writable-0", emptyDir: { sizeLimit: "1Gi" } },
      { name: "secret-0", secret: { secretName: "ehr-db", defaultMode: 0o440 } },
    ]);
  });

  test("the Deployment waits for its namespace baseline, its ServiceAccount and its Pod Identity association", () => {
    expect(props(deployment())).toMatchObject({ metadata: { name: "ehr-api", namespace: "ehr" }, spec: { replicas: 2 } });
    expect(deployment().options.ignoreChanges).toEqual(["spec.replicas"]);
    expect(deployment().dependencies).toEqual(
      expect.arrayContaining(urns("apps-ehr", "apps-ehr-default-deny", "apps-ehr-default-sa", "apps-ehr-quota", "ehr-api-service-account", "eks-pod-identity-ehr-ehr-api")),
    );
  });

  test("a ClusterIP Service, a PodDisruptionBudget and a HorizontalPodAutoscaler", () => {
    const selector = { "app.kubernetes.io/name": "ehr-api", "app.kubernetes.io/instance": "ehr-ehr-api" };
    expect(props(byName(plan, "ehr-api-service")).spec).toEqual({
      type: "ClusterIP",
      selector,
      ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }],
    });
    expect(props(byName(plan, "ehr-api-pdb")).spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: selector } });
    expect(props(byName(plan, "ehr-api-hpa")).spec).toEqual({
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "ehr-api" },
      minReplicas: 2,
      maxReplicas: 6,
      metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }],
    });
  });

  test("an internal ALB Ingress: HTTPS 443 only, TLS 1.3/1.2 policy, the certificate and the WAF ACL", () => {
    const ingress = byName(plan, "ehr-api-ingress");
    expect(props(ingress).metadata.annotations).toEqual({
      "alb.ingress.kubernetes.io/scheme": "internal",
      "alb.ingress.kubernetes.io/target-type": "ip",
      "alb.ingress.kubernetes.io/listen-ports": '[{"HTTPS":443}]',
      "alb.ingress.kubernetes.io/ssl-policy": ALB_SSL_POLICY,
      "alb.ingress.kubernetes.io/certificate-arn": CERTIFICATE_ARN,
      "alb.ingress.kubernetes.io/wafv2-acl-arn": WAF_ARN,
      "alb.ingress.kubernetes.io/backend-protocol": "HTTP",
      "alb.ingress.kubernetes.io/healthcheck-path": "/readyz",
      "alb.ingress.kubernetes.io/healthcheck-port": "traffic-port",
      "alb.ingress.kubernetes.io/load-balancer-attributes": "routing.http.drop_invalid_header_fields.enabled=true",
    });
    expect(ALB_SSL_POLICY).toBe("ELBSecurityPolicy-TLS13-1-2-2021-06");
    expect(props(ingress).spec).toEqual({
      ingressClassName: "alb",
      tls: [{ hosts: ["ehr.internal.example.org"] }],
      rules: [
        {
          host: "ehr.internal.example.org",
          http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "ehr-api", port: { name: "http" } } } }] },
        },
      ],
    });
  });

  test("NetworkPolicy allows: the ALB subnets to the container port, egress to the database subnets", () => {
    expect(props(byName(plan, "ehr-api-allow-ingress")).spec).toEqual({
      podSelector: { matchLabels: { "app.kubernetes.io/name": "ehr-api", "app.kubernetes.io/instance": "ehr-ehr-api" } },
      policyTypes: ["Ingress"],
      ingress: [{ from: [{ ipBlock: { cidr: "10.0.64.0/18" } }], ports: [{ protocol: "TCP", port: 8080 }] }],
    });
    expect(props(byName(plan, "ehr-api-allow-egress")).spec.egress).toEqual([
      { to: [{ ipBlock: { cidr: "10.0.128.0/18" } }], ports: [{ protocol: "TCP", port: 5432 }] },
    ]);
    expect(names(under("ehr-api"))).toEqual(
      ["ehr-api-allow-egress", "ehr-api-allow-ingress", "ehr-api-deployment", "ehr-api-hpa", "ehr-api-ingress", "ehr-api-pdb", "ehr-api-service", "ehr-api-service-account"],
    );
  });
});

describe("the HIPAA pack over SecureCluster + WorkloadBaseline + SecureWorkload", () => {
  test("the Kubernetes and EKS rules report nothing at all", async () => {
    const { findings, evaluated } = await evaluatePlan(plan, kubernetesRules);
    expect(findings).toEqual([]);
    const checked = new Set(evaluated.map((e) => e.ruleId));
    for (const rule of kubernetesRules) expect(checked, rule.name).toContain(rule.name);
  });

  test("the whole pack reports nothing", async () => {
    const { findings } = await evaluatePlan(plan, hipaaPolicies);
    expect(findings.map((f) => `${f.ruleId} ${f.level} ${f.kind} ${f.resourceName}`)).toEqual([]);
  });
});


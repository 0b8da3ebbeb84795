/**
 * Invalid arguments fail at construction, inside a real program under the planner, with a message
 * that says what was given and what is expected. One program constructs every case (each in its own
 * try/catch, before anything is registered) and reports the messages, so the suite plans once.
 */
import { beforeAll, expect, test } from "vitest";
import { planTestProgram } from "../../test/support/plan";
import { ADMIN_ARN, CONFIG, DIGEST_IMAGE } from "./test-programs";

const PROGRAM = `
import * as k8sSdk from "@pulumi/kubernetes";
import { MultiRegionNetwork, SecureCluster, WorkloadBaseline, SecureWorkload } from "../../components";

// Only what the cases need: a network without a private tier, literal subnets, a bare provider.
const isolatedOnly = new MultiRegionNetwork("iso", { regions: ["us-east-1"], supernet: "10.16.0.0/12", tiers: ["isolated"], azCount: 2, interfaceEndpoints: [], gatewayEndpoints: [] });
const vpc = { vpcId: "vpc-0123456789abcdef0", privateSubnetIds: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"] };
const k8s = { provider: new k8sSdk.Provider("k8s", { kubeconfig: "{}" }) };
const baseline = new WorkloadBaseline("apps", { namespaces: { ehr: {} } }, k8s);
const resources = { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "500m", memory: "512Mi" } };

const cases: Record<string, () => unknown> = {
  noPrivateTier: () => new SecureCluster("c1", { network: isolatedOnly, administrators: ["${ADMIN_ARN}"] }),
  noPrivateSubnets: () => new SecureCluster("c2", { vpcId: "vpc-0123456789abcdef0", privateSubnetIds: [], administrators: ["${ADMIN_ARN}"] }),
  openPublicEndpoint: () => new SecureCluster("c3", { ...vpc, publicAccessCidrs: ["0.0.0.0/0"], administrators: ["${ADMIN_ARN}"] }),
  emptyPublicCidrs: () => new SecureCluster("c4", { ...vpc, publicAccessCidrs: [], administrators: ["${ADMIN_ARN}"] }),
  noAdministrators: () => new SecureCluster("c5", { ...vpc, administrators: [] }),
  shortRetention: () => new SecureCluster("c6", { ...vpc, administrators: ["${ADMIN_ARN}"], logRetentionInDays: 90 }),
  al2Nodes: () => new SecureCluster("c7", { ...vpc, administrators: ["${ADMIN_ARN}"], nodeGroups: { old: { amiType: "AL2_x86_64" } } }),
  noLimits: () => new SecureWorkload("w1", { namespace: "ehr", baseline, image: "${DIGEST_IMAGE}", resources: { requests: resources.requests } as any }, k8s),
  limitsBelowRequests: () => new SecureWorkload("w2", { namespace: "ehr", image: "${DIGEST_IMAGE}", resources: { requests: resources.limits, limits: resources.requests } }, k8s),
  unpinnedImage: () => new SecureWorkload("w3", { namespace: "ehr", image: "nginx:1.27", resources }, k8s),
  latestFromAllowedRegistry: () => new SecureWorkload("w4", { namespace: "ehr", image: "registry.example.org/ehr/api:latest", allowedRegistries: ["registry.example.org/ehr"], resources }, k8s),
  rootUid: () => new SecureWorkload("w5", { namespace: "ehr", image: "${DIGEST_IMAGE}", resources, runAsUser: 1000 }, k8s),
  defaultNamespace: () => new SecureWorkload("w6", { namespace: "default", image: "${DIGEST_IMAGE}", resources }, k8s),
  namespaceOutsideBaseline: () => new SecureWorkload("w7", { namespace: "billing", baseline, image: "${DIGEST_IMAGE}", resources }, k8s),
  plainHttpIngress: () => new SecureWorkload("w8", { namespace: "ehr", image: "${DIGEST_IMAGE}", resources, ingress: { host: "ehr.example.org", certificateArn: "", albSubnetCidrs: ["10.0.64.0/18"] } }, k8s),
  noProvider: () => new SecureWorkload("w9", { namespace: "ehr", image: "${DIGEST_IMAGE}", resources }),
  rbacWildcardVerb: () => new WorkloadBaseline("b1", { namespaces: { ops: { roles: [{ name: "ops", rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["*" as any] }], subjects: [{ kind: "Group", name: "ops" }] }] } } }, k8s),
  rbacWildcardResource: () => new WorkloadBaseline("b2", { namespaces: { ops: { roles: [{ name: "ops", rules: [{ apiGroups: ["apps"], resources: ["*"], verbs: ["get"] }], subjects: [{ kind: "Group", name: "ops" }] }] } } }, k8s),
  rbacEscalate: () => new WorkloadBaseline("b3", { namespaces: { ops: { roles: [{ name: "ops", rules: [{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles"], verbs: ["escalate" as any] }], subjects: [{ kind: "Group", name: "ops" }] }] } } }, k8s),
  rbacAllSecrets: () => new WorkloadBaseline("b4", { namespaces: { ops: { roles: [{ name: "ops", rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["list"] }], subjects: [{ kind: "Group", name: "ops" }] }] } } }, k8s),
  allowWithoutPeers: () => new WorkloadBaseline("b5", { namespaces: { ops: { allow: [{ name: "all", direction: "ingress", peers: [] }] } } }, k8s),
  podSecurityOverride: () => new WorkloadBaseline("b6", { namespaces: { ops: { labels: { "pod-security.kubernetes.io/enforce": "privileged" } } } }, k8s),
  kubeSystem: () => new WorkloadBaseline("b7", { namespaces: { "kube-system": {} } }, k8s),
};
const outcome: Record<string, string> = {};
for (const [label, make] of Object.entries(cases)) {
  try {
    make();
    outcome[label] = "no error";
  } catch (error) {
    outcome[label] = (error as Error).name + ": " + (error as Error).message;
  }
}
throw new Error("OUTCOME" + JSON.stringify(outcome) + "END");
`;

let outcome: Record<string, string>;
beforeAll(async () => {
  const error = await planTestProgram(PROGRAM, { config: CONFIG }).then(
    () => new Error("the program did not fail"),
    (e: unknown) => e as Error,
  );
  const match = /OUTCOME(.*)END/s.exec(error.message);
  if (!match) throw error;
  outcome = JSON.parse(match[1]!) as Record<string, string>;
});

const cases: [string, RegExp][] = [
  ["noPrivateTier", /SecureCluster "c1": the network has no private subnets in us-east-1 \(no "private" tier\); expected a network with tiers including "private"/],
  ["noPrivateSubnets", /SecureCluster "c2": no private subnets given \(privateSubnetIds is \[\].*expected `network`.*or `vpcId` with at least 2 `privateSubnetIds`/],
  ["openPublicEndpoint", /SecureCluster "c3": publicAccessCidrs entry "0\.0\.0\.0\/0" admits every address on the internet; expected specific ranges/],
  ["emptyPublicCidrs", /SecureCluster "c4": publicAccessCidrs is empty, which EKS reads as 0\.0\.0\.0\/0; expected specific CIDRs/],
  ["noAdministrators", /SecureCluster "c5": administrators is empty; expected at least one IAM role ARN with cluster-admin/],
  ["shortRetention", /SecureCluster "c6": logRetentionInDays 90 is not accepted; expected a CloudWatch Logs retention of at least 365 days/],
  ["al2Nodes", /SecureCluster "c7": nodeGroups\.old\.amiType "AL2_x86_64" is not supported; expected an EKS-optimized AL2023_\* or BOTTLEROCKET_\* AMI type/],
  ["noLimits", /SecureWorkload "w1": resources has no limits; expected \{ requests: \{ cpu, memory \}, limits: \{ cpu, memory \} \}/],
  ["limitsBelowRequests", /SecureWorkload "w2": resources limits \(cpu 250m, memory 256Mi\) are below the requests \(cpu 500m, memory 512Mi\); expected limits >= requests/],
  ["unpinnedImage", /SecureWorkload "w3": image "nginx:1\.27" is neither pinned by digest nor from an allowed registry; expected "<repository>@sha256:<digest>"/],
  ["latestFromAllowedRegistry", /SecureWorkload "w4": image "registry\.example\.org\/ehr\/api:latest" is from allowed registry "registry\.example\.org\/ehr" but has the tag "latest"; expected a fixed version tag/],
  ["rootUid", /SecureWorkload "w5": runAsUser 1000 is invalid; expected a whole number >= 10000/],
  ["defaultNamespace", /SecureWorkload "w6": namespace is "default", a namespace Kubernetes itself uses; expected a dedicated namespace/],
  ["namespaceOutsideBaseline", /SecureWorkload "w7": namespace "billing" is not managed by the given baseline \(it manages ehr\)/],
  ["plainHttpIngress", /SecureWorkload "w8": ingress\.certificateArn "" is not an ACM certificate ARN; expected .*HTTPS only/],
  ["noProvider", /SecureWorkload "w9": no Kubernetes provider given; expected the cluster's provider in the resource options/],
  ["rbacWildcardVerb", /WorkloadBaseline "b1": namespaces\.ops\.roles\[0\] "ops": rules\[0\]\.verbs contains "\*"; wildcards are rejected .*expected an exact list/],
  ["rbacWildcardResource", /WorkloadBaseline "b2": .*rules\[0\]\.resources contains "\*"; wildcards are rejected/],
  ["rbacEscalate", /WorkloadBaseline "b3": .*rules\[0\]\.verbs contains "escalate"; expected only get, list, watch, create, update, patch, delete, deletecollection/],
  ["rbacAllSecrets", /WorkloadBaseline "b4": .*rules\[0\] grants list on every Secret of the namespace; expected resourceNames/],
  ["allowWithoutPeers", /WorkloadBaseline "b5": namespaces\.ops\.allow\[0\]: peers is \[\]; expected at least one peer/],
  ["podSecurityOverride", /WorkloadBaseline "b6": namespaces\.ops\.labels sets "pod-security\.kubernetes\.io\/enforce"; the Pod Security labels are fixed to "restricted"/],
  ["kubeSystem", /WorkloadBaseline "b7": namespace is "kube-system", a namespace Kubernetes itself uses/],
];

test.each(cases)("%s fails at construction with a clear message", (label, message) => {
  expect(outcome[label]).toMatch(/^InvalidArgumentError: /);
  expect(outcome[label]).toMatch(message);
});

test("a computed image is checked once its value is known, and fails the deployment the same way", async () => {
  const error = await planTestProgram(
    `
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { SecureWorkload } from "../../components";
const provider = new k8s.Provider("k8s", { kubeconfig: "{}" });
new SecureWorkload("api", {
  namespace: "ehr",
  image: pulumi.output("registry.example.org/ehr/api").apply((repo) => repo + ":1.0"),
  resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "200m", memory: "256Mi" } },
}, { provider });
`,
    { config: CONFIG },
  ).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(error?.message).toMatch(/SecureWorkload "api": image "registry\.example\.org\/ehr\/api:1\.0" is neither pinned by digest nor from an allowed registry/);
});

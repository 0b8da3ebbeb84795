/** Programs the cluster tests plan (shared so each file plans once). */
import type { Plan, PlannedResource } from "../../cli/plan";

export const ACCOUNT = "123456789012"; // the planner's offline account
export const ADMIN_ARN = `arn:aws:iam::${ACCOUNT}:role/PlatformAdmin`;
export const DIGEST_IMAGE = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/ehr-api@sha256:${"0123456789abcdef".repeat(4)}`;
export const CERTIFICATE_ARN = `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0`;
export const WAF_ARN = `arn:aws:wafv2:us-east-1:${ACCOUNT}:regional/webacl/ehr/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`;
export const CONFIG = { "aws:region": "us-east-1", "phiguard:owner": "clinical-platform" };

/**
 * A network, a cluster with every option that adds resources, a baseline with an allow rule and a
 * role, and a workload with Pod Identity and an Ingress: everything the components make.
 */
export const FULL_PROGRAM = `
import { MultiRegionNetwork, SecureCluster, WorkloadBaseline, SecureWorkload } from "../../components";

const net = new MultiRegionNetwork("net", { regions: ["us-east-1"], supernet: "10.0.0.0/12" });
const cluster = new SecureCluster("eks", {
  network: net,
  administrators: ["${ADMIN_ARN}"],
  accessEntries: [{ principal: { name: "ehr-oncall", arn: "arn:aws:iam::${ACCOUNT}:role/EhrOncall" }, policy: "view", namespaces: ["ehr"] }],
  nodeGroups: {
    general: {},
    secure: { amiType: "BOTTLEROCKET_x86_64", instanceTypes: ["m6i.xlarge", "m7i.xlarge"], minSize: 2, maxSize: 4, diskSizeGiB: 100, labels: { tier: "secure" } },
  },
  ebsCsiDriver: true,
  tags: { "cost-centre": "cc-42" },
});
const baseline = new WorkloadBaseline("apps", {
  namespaces: {
    ehr: {
      labels: { team: "ehr" },
      quota: { requestsCpu: "8", limitsCpu: "16", pods: 40 },
      allow: [{ name: "from-reporting", direction: "ingress", peers: [{ namespace: "reporting", podLabels: { app: "reporter" } }], ports: [{ port: 8080 }] }],
      roles: [{
        name: "deployer",
        rules: [
          { apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "list", "watch", "patch"] },
          { apiGroups: [""], resources: ["secrets"], verbs: ["get"], resourceNames: ["ehr-db"] },
        ],
        subjects: [{ kind: "Group", name: "ehr-deployers" }],
      }],
    },
    reporting: {},
  },
}, { provider: cluster.provider });
const role = cluster.podIdentityRole("ehr", "ehr-api", {
  policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::ehr-records/*" }] }),
});
export const workload = new SecureWorkload("ehr-api", {
  namespace: "ehr",
  baseline,
  image: "${DIGEST_IMAGE}",
  resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
  env: { LOG_LEVEL: "info" },
  secretFiles: [{ secretName: "ehr-db", mountPath: "/var/run/secrets/ehr-db" }],
  podIdentity: { cluster, roleArn: role.arn },
  allowTo: [{ peers: [{ cidr: "10.0.128.0/18" }], ports: [{ port: 5432 }] }],
  ingress: {
    host: "ehr.internal.example.org",
    certificateArn: "${CERTIFICATE_ARN}",
    albSubnetCidrs: ["10.0.64.0/18"],
    wafAclArn: "${WAF_ARN}",
  },
}, { provider: cluster.provider }).serviceHost;
export const kubeconfig = cluster.kubeconfig;
`;

export function byName(plan: Plan, name: string): PlannedResource {
  const found = plan.resources.find((r) => r.name === name);
  if (!found) throw new Error(`no resource named ${name}; have ${plan.resources.map((r) => r.name).join(", ")}`);
  return found;
}

export const ofType = (plan: Plan, type: string): PlannedResource[] => plan.resources.filter((r) => r.type === type);
export const names = (resources: readonly PlannedResource[]): string[] => resources.map((r) => r.name).sort();
export const deps = (resource: PlannedResource, property: string): string[] => [...(resource.propertyDependencies[property] ?? [])].sort();
export const urnOf = (plan: Plan, name: string): string => byName(plan, name).urn;

/** A resource's planned props, loosely typed so assertions can read nested values. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test helper: assertions read arbitrary nested props
export function props(resource: PlannedResource): Record<string, any> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  return resource.props as Record<string, any>;
}

/**
 * One program with compliant EKS clusters and node groups (`ok-*`), ones that break a rule
 * (`bad-*`) and ones whose relevant value is only known after deploy (`unk-*`). Each cluster gets its
 * control-plane log group (`<cluster>-logs`) and add-ons (`<cluster>-<addon>`) unless a case is
 * about them; each node group joins `ok-cluster`.
 */
import { AWS_PRELUDE } from "../../kubernetes/tests/helpers";

export const EKS_PROGRAM =
  AWS_PRELUDE +
  `
const ALL_LOGS = ["api", "audit", "authenticator", "controllerManager", "scheduler"];
const key = new aws.kms.Key("envelope", { enableKeyRotation: true });
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16" });
const igw = new aws.ec2.InternetGateway("igw", { vpcId: vpc.id });
const privateA = new aws.ec2.Subnet("private-a", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24" });
const privateB = new aws.ec2.Subnet("private-b", { vpcId: vpc.id, cidrBlock: "10.0.2.0/24" });
const privateRt = new aws.ec2.RouteTable("private-rt", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: U("nat-0123456789abcdef0") }] });
new aws.ec2.RouteTableAssociation("private-a-rt", { subnetId: privateA.id, routeTableId: privateRt.id });
const publicIp = new aws.ec2.Subnet("public-ip", { vpcId: vpc.id, cidrBlock: "10.0.100.0/24", mapPublicIpOnLaunch: true });
const routedInline = new aws.ec2.Subnet("routed-inline", { vpcId: vpc.id, cidrBlock: "10.0.101.0/24" });
const publicRt = new aws.ec2.RouteTable("public-rt", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }] });
new aws.ec2.RouteTableAssociation("routed-inline-rt", { subnetId: routedInline.id, routeTableId: publicRt.id });
const routedResource = new aws.ec2.Subnet("routed-resource", { vpcId: vpc.id, cidrBlock: "10.0.102.0/24" });
const edgeRt = new aws.ec2.RouteTable("edge-rt", { vpcId: vpc.id });
new aws.ec2.Route("edge-default", { routeTableId: edgeRt.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id });
new aws.ec2.RouteTableAssociation("routed-resource-rt", { subnetId: routedResource.id, routeTableId: edgeRt.id });
const computedSubnet = new aws.ec2.Subnet("unk-subnet", { vpcId: vpc.id, cidrBlock: "10.0.3.0/24", mapPublicIpOnLaunch: U(false) });
const bastion = new aws.ec2.SecurityGroup("bastion", { vpcId: vpc.id });
const office = new aws.ec2.Eip("office", { domain: "vpc" });

function cluster(name: string, args: any = {}, extras: any = {}) {
  const { logGroup = {}, addons = ["vpc-cni", "coredns", "kube-proxy"], autoNamed = false } = extras;
  const clusterName = autoNamed ? undefined : name;
  let lg: any;
  if (logGroup !== false && !autoNamed) {
    lg = new aws.cloudwatch.LogGroup(name + "-logs", { name: "/aws/eks/" + name + "/cluster", kmsKeyId: key.arn, retentionInDays: 365, ...logGroup });
  }
  const c = new aws.eks.Cluster(name, {
    name: clusterName,
    roleArn: "arn:aws:iam::123456789012:role/eks-cluster",
    version: "1.32",
    vpcConfig: { subnetIds: [privateA.id, privateB.id], endpointPrivateAccess: true, endpointPublicAccess: false },
    encryptionConfig: { resources: ["secrets"], provider: { keyArn: key.arn } },
    enabledClusterLogTypes: ALL_LOGS,
    accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false },
    ...args,
  }, { dependsOn: lg ? [lg] : [] });
  if (logGroup !== false && autoNamed) {
    new aws.cloudwatch.LogGroup(name + "-logs", { name: pulumi.interpolate\`/aws/eks/\${c.name}/cluster\`, kmsKeyId: key.arn, retentionInDays: 365, ...logGroup });
  }
  for (const addon of addons) {
    new aws.eks.Addon(name + "-" + addon, {
      clusterName: c.name,
      addonName: addon,
      ...(addon === "vpc-cni" ? { configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }) } : {}),
    });
  }
  return c;
}

// Clusters.
const okCluster = cluster("ok-cluster");
cluster("ok-auto-named", {}, { autoNamed: true });
cluster("ok-public-restricted", { vpcConfig: { subnetIds: [privateA.id], endpointPrivateAccess: true, endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] } });
cluster("ok-log-never-expires", {}, { logGroup: { retentionInDays: undefined } });
cluster("bad-no-encryption", { encryptionConfig: undefined });
cluster("bad-encryption-no-secrets", { encryptionConfig: { resources: [], provider: { keyArn: key.arn } } });
cluster("bad-public-default", { vpcConfig: { subnetIds: [privateA.id], endpointPrivateAccess: true } });
cluster("bad-public-open", { vpcConfig: { subnetIds: [privateA.id], endpointPrivateAccess: true, endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] } });
cluster("bad-private-off", { vpcConfig: { subnetIds: [privateA.id], endpointPrivateAccess: false, endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] } });
cluster("bad-some-logs", { enabledClusterLogTypes: ["api", "audit"] });
cluster("bad-config-map-mode", { accessConfig: { authenticationMode: "API_AND_CONFIG_MAP", bootstrapClusterCreatorAdminPermissions: false } });
cluster("bad-no-auth-mode", { accessConfig: { bootstrapClusterCreatorAdminPermissions: false } });
cluster("bad-creator-admin", { accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: true } });
cluster("bad-old-version", { version: "1.27" });
cluster("bad-no-log-group", {}, { logGroup: false });
cluster("bad-auto-named-no-log-group", {}, { autoNamed: true, logGroup: false });
cluster("bad-log-group-plain", {}, { logGroup: { kmsKeyId: undefined, retentionInDays: 30 } });
cluster("bad-missing-addons", {}, { addons: ["vpc-cni"] });
const cniCluster = cluster("bad-cni-no-netpol", {}, { addons: ["coredns", "kube-proxy"] });
new aws.eks.Addon("bad-cni-no-netpol-vpc-cni", { clusterName: cniCluster.name, addonName: "vpc-cni" });
cluster("unk-encryption", { encryptionConfig: { resources: U(["secrets"]), provider: { keyArn: key.arn } } });
cluster("unk-endpoint", { vpcConfig: { subnetIds: [privateA.id], endpointPrivateAccess: true, endpointPublicAccess: true, publicAccessCidrs: [office.publicIp.apply((ip) => ip + "/32")] } });
cluster("unk-logging", { enabledClusterLogTypes: U(ALL_LOGS) });
cluster("unk-auth", { accessConfig: { authenticationMode: U("API"), bootstrapClusterCreatorAdminPermissions: false } });
cluster("unk-creator", { accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: U(false) } });
cluster("unk-version", { version: U("1.32") });
cluster("unk-log-retention", {}, { logGroup: { retentionInDays: U(365) } });
const addonCluster = cluster("unk-addons", {}, { addons: ["vpc-cni", "kube-proxy"] });
new aws.eks.Addon("unk-addon-name", { clusterName: addonCluster.name, addonName: U("coredns") });
const cniConfigCluster = cluster("unk-cni", {}, { addons: ["coredns", "kube-proxy"] });
new aws.eks.Addon("unk-cni-config", { clusterName: cniConfigCluster.name, addonName: "vpc-cni", configurationValues: pulumi.jsonStringify({ enableNetworkPolicy: U("true") }) });

// Launch templates.
const HARDENED = {
  metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 },
  blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 50, volumeType: "gp3", encrypted: "true", kmsKeyId: key.arn } }],
};
const hardened = new aws.ec2.LaunchTemplate("hardened-lt", HARDENED);
new aws.ec2.LaunchTemplate("named-lt", { name: "named-lt", ...HARDENED });
const imdsv1 = new aws.ec2.LaunchTemplate("imdsv1-lt", { metadataOptions: { httpTokens: "optional", httpPutResponseHopLimit: 2 } });
const unencrypted = new aws.ec2.LaunchTemplate("unencrypted-lt", { ...HARDENED, blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }] });
const computedLt = new aws.ec2.LaunchTemplate("unk-lt", { ...HARDENED, metadataOptions: { httpTokens: U("required"), httpPutResponseHopLimit: 1 } });
const ref = (lt: any) => ({ id: lt.id, version: lt.latestVersion.apply((v: number) => String(v)) });

// Node groups.
function nodeGroup(name: string, args: any = {}) {
  return new aws.eks.NodeGroup(name, {
    clusterName: okCluster.name,
    nodeRoleArn: "arn:aws:iam::123456789012:role/eks-node",
    subnetIds: [privateA.id, privateB.id],
    scalingConfig: { desiredSize: 2, minSize: 2, maxSize: 4 },
    launchTemplate: ref(hardened),
    ...args,
  });
}
nodeGroup("ok-node-group");
nodeGroup("ok-named-template", { launchTemplate: { name: "named-lt", version: "$Latest" } });
nodeGroup("ok-ssh-from-bastion", { remoteAccess: { ec2SshKey: "ops", sourceSecurityGroupIds: [bastion.id] } });
nodeGroup("ok-existing-subnets", { subnetIds: ["subnet-0123456789abcdef0"] });
nodeGroup("bad-ssh-open", { remoteAccess: { ec2SshKey: "ops" } });
nodeGroup("bad-public-ip-subnet", { subnetIds: [publicIp.id] });
nodeGroup("bad-igw-inline-route", { subnetIds: [privateA.id, routedInline.id] });
nodeGroup("bad-igw-route-resource", { subnetIds: [routedResource.id] });
nodeGroup("bad-no-launch-template", { launchTemplate: undefined });
nodeGroup("bad-external-launch-template", { launchTemplate: { id: "lt-0123456789abcdef0", version: "1" } });
nodeGroup("bad-imdsv1", { launchTemplate: ref(imdsv1) });
nodeGroup("bad-unencrypted", { launchTemplate: ref(unencrypted) });
nodeGroup("bad-old-node-version", { version: "1.26" });
nodeGroup("unk-ssh-sources", { remoteAccess: { ec2SshKey: "ops", sourceSecurityGroupIds: bastion.id.apply((id) => [id]) } });
nodeGroup("unk-subnet-node-group", { subnetIds: [computedSubnet.id] });
nodeGroup("unk-launch-template", { launchTemplate: ref(computedLt) });
nodeGroup("unk-node-version", { version: U("1.32") });
`;

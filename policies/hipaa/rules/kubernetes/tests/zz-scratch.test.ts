import { test } from "vitest";
import { planTestProgram } from "../../../../../test/support/plan";
test("dump", async () => {
  const plan = await planTestProgram(`
import * as k8s from "@pulumi/kubernetes";
import * as aws from "@pulumi/aws";
const ns = new k8s.core.v1.Namespace("app", { metadata: { name: "app", labels: { "pod-security.kubernetes.io/enforce": "restricted" } } });
const repo = new aws.ecr.Repository("repo", {});
new k8s.apps.v1.Deployment("d", { metadata: { namespace: ns.metadata.name }, spec: { selector: { matchLabels: { a: "b" } }, template: { metadata: { labels: { a: "b" } }, spec: { containers: [{ name: "c", image: repo.repositoryUrl, resources: { limits: { cpu: "1" } } }] } } } });
new k8s.batch.v1.CronJob("cj", { spec: { schedule: "* * * * *", jobTemplate: { spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "c", image: "x" }] } } } } } });
new k8s.core.v1.Pod("p", { spec: { containers: [{ name: "c", image: "x" }] } });
new k8s.networking.v1.NetworkPolicy("np", { metadata: { namespace: "app" }, spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] } });
const vpc = new aws.ec2.Vpc("v", { cidrBlock: "10.0.0.0/16" });
const s = new aws.ec2.Subnet("s", { vpcId: vpc.id, cidrBlock: "10.0.0.0/24" });
const key = new aws.kms.Key("k", {});
const c = new aws.eks.Cluster("c", { roleArn: "arn:aws:iam::123:role/x", vpcConfig: { subnetIds: [s.id], endpointPrivateAccess: true, endpointPublicAccess: false }, encryptionConfig: { resources: ["secrets"], provider: { keyArn: key.arn } }, enabledClusterLogTypes: ["api"], accessConfig: { authenticationMode: "API" }, version: "1.31" });
new aws.cloudwatch.LogGroup("lg", { name: c.name.apply(n => "/aws/eks/" + n + "/cluster"), retentionInDays: 365 });
new aws.cloudwatch.LogGroup("lg2", { name: "/aws/eks/fixed/cluster", retentionInDays: 365 });
const lt = new aws.ec2.LaunchTemplate("lt", { metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 }, blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }] });
new aws.eks.NodeGroup("ng", { clusterName: c.name, nodeRoleArn: "arn:aws:iam::1:role/n", subnetIds: [s.id], scalingConfig: { desiredSize: 1, maxSize: 1, minSize: 1 }, launchTemplate: { id: lt.id, version: lt.latestVersion.apply(String) } });
new aws.eks.Addon("a", { clusterName: c.name, addonName: "vpc-cni" });
`);
  for (const r of plan.resources) console.log(JSON.stringify({ urn: r.urn, type: r.type, props: r.props, pd: r.propertyDependencies }));
}, 60000);

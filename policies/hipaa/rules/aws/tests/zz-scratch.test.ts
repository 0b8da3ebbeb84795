import { it } from "vitest";
import { planTestProgram } from "../../../../../test/support/plan";
it("scratch", async () => {
  const plan = await planTestProgram(`
import * as aws from "@pulumi/aws";
const key = new aws.kms.Key("k", { enableKeyRotation: true, deletionWindowInDays: 30 });
const b = new aws.s3.Bucket("b", { tags: { "data-classification": "phi" } });
new aws.s3.BucketServerSideEncryptionConfiguration("sse", { bucket: b.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }] });
const vpc = new aws.ec2.Vpc("v", { cidrBlock: "10.0.0.0/16" });
new aws.ec2.SecurityGroup("sg", { vpcId: vpc.id, ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] });
new aws.s3.BucketPolicy("bp", { bucket: b.id, policy: b.arn.apply(a => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [a], Condition: { Bool: { "aws:SecureTransport": "false" } } }] })) });
new aws.s3.BucketPolicy("bp2", { bucket: b.id, policy: aws.iam.getPolicyDocumentOutput({ statements: [{ effect: "Deny", actions: ["s3:*"], resources: [b.arn], principals: [{type: "*", identifiers: ["*"]}] }] }).json });
`);
  console.log(JSON.stringify(plan.resources.map(r => ({ urn: r.urn, type: r.type, props: r.props, pd: r.propertyDependencies, region: r.region })), null, 1));
});

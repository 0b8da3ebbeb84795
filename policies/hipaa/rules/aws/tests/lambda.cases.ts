import { HEADER, type ServiceCases } from "./support";

export default {
  service: "Lambda",
  program: `${HEADER}
const key = new aws.kms.Key("key", {});
const dlq = new aws.sqs.Queue("dlq", { kmsMasterKeyId: key.arn });
const code = new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = async () => ({});") });
const base = { role: "arn:aws:iam::123456789012:role/fn", runtime: "nodejs20.x", handler: "index.handler", code };
const okFn = new aws.lambda.Function("ok-function", {
  ...base,
  vpcConfig: { subnetIds: ["subnet-a", "subnet-b"], securityGroupIds: ["sg-1"] },
  deadLetterConfig: { targetArn: dlq.arn },
  environment: { variables: { TABLE: "patients" } },
  kmsKeyArn: key.arn,
  reservedConcurrentExecutions: 10,
});
new aws.lambda.Function("bad-function", { ...base, environment: { variables: { API_URL: "https://example.org" } }, reservedConcurrentExecutions: -1 });
new aws.lambda.Function("no-env-function", { ...base, vpcConfig: { subnetIds: ["subnet-a"], securityGroupIds: ["sg-1"] }, deadLetterConfig: { targetArn: "arn:aws:sqs:us-east-1:123456789012:dlq" }, reservedConcurrentExecutions: 0 });
new aws.lambda.Function("unk-function", { ...base, vpcConfig: { subnetIds: ["subnet-a"], securityGroupIds: ["sg-1"] }, deadLetterConfig: { targetArn: dlq.arn }, reservedConcurrentExecutions: key.arn.apply(() => 5) });
new aws.lambda.Permission("ok-permission", { function: okFn.name, action: "lambda:InvokeFunction", principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::phi-records" });
new aws.lambda.Permission("ok-scoped-any", { function: okFn.name, action: "lambda:InvokeFunction", principal: "*", sourceAccount: "123456789012" });
new aws.lambda.Permission("bad-public-permission", { function: okFn.name, action: "lambda:InvokeFunction", principal: "*" });
new aws.lambda.FunctionUrl("ok-url", { functionName: okFn.name, authorizationType: "AWS_IAM" });
new aws.lambda.FunctionUrl("bad-url", { functionName: okFn.name, authorizationType: "NONE" });
`,
  cases: [
    { rule: "lambda-function-in-vpc", pass: ["ok-function", "no-env-function", "unk-function"], fail: ["bad-function"] },
    { rule: "lambda-function-has-dead-letter-queue", pass: ["ok-function", "no-env-function", "unk-function"], fail: ["bad-function"] },
    { rule: "lambda-environment-encrypted-with-cmk", pass: ["ok-function"], fail: ["bad-function"], notApplicable: ["no-env-function"] },
    { rule: "lambda-concurrency-limit-set", pass: ["ok-function", "no-env-function"], fail: ["bad-function"], unknown: ["unk-function"] },
    { rule: "lambda-function-not-public", pass: ["ok-permission", "ok-scoped-any", "ok-url"], fail: ["bad-public-permission", "bad-url"] },
  ],
} satisfies ServiceCases;

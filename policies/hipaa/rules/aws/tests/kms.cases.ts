import { HEADER, type ServiceCases } from "./support";

export default {
  service: "KMS",
  program: `${HEADER}
const policy = doc([{ Sid: "Root", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" }]);
const okKey = new aws.kms.Key("ok-key", { enableKeyRotation: true, deletionWindowInDays: 30, policy, tags: phi });
new aws.kms.Key("bad-no-rotation", { policy });
new aws.kms.Key("bad-rotation-period", { enableKeyRotation: true, rotationPeriodInDays: 730, policy });
new aws.kms.Key("asymmetric", { customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY", policy });
new aws.kms.Key("bad-phi-window", { enableKeyRotation: true, deletionWindowInDays: 7, policy, tags: phi });
new aws.kms.Key("ok-short-window", { enableKeyRotation: true, deletionWindowInDays: 10, policy, tags: { "data-classification": "internal" } });
new aws.kms.Key("bad-wildcard", { enableKeyRotation: true, policy: doc([{ Sid: "Anyone", Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" }]) });
new aws.kms.Key("bad-wildcard-aws", { enableKeyRotation: true, policy: doc([{ Effect: "Allow", Principal: { AWS: ["*"] }, Action: ["kms:Encrypt"], Resource: "*" }]) });
new aws.kms.Key("ok-scoped-wildcard", {
  enableKeyRotation: true,
  policy: doc([{ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "kms:CallerAccount": "123456789012" } } }]),
});
new aws.kms.Key("bad-no-policy", { enableKeyRotation: true });
new aws.kms.Key("unk-policy", { enableKeyRotation: true, policy: okKey.arn.apply((arn) => doc([{ Effect: "Allow", Principal: { AWS: arn }, Action: "kms:*", Resource: "*" }])) });
new aws.kms.ReplicaKey("ok-replica", { primaryKeyArn: okKey.arn, policy, deletionWindowInDays: 30 });
const noRotation = new aws.kms.Key("primary-no-rotation", { multiRegion: true, policy });
new aws.kms.ReplicaKey("bad-replica", { primaryKeyArn: noRotation.arn, policy });
new aws.kms.ReplicaKey("bad-replica-external", { primaryKeyArn: "arn:aws:kms:us-east-1:123456789012:key/mrk-0123456789abcdef", policy });
const unknownRotation = new aws.kms.Key("unk-primary", { multiRegion: true, policy, enableKeyRotation: okKey.arn.apply(() => true) });
new aws.kms.ReplicaKey("replica-of-unknown", { primaryKeyArn: unknownRotation.arn, policy });
`,
  cases: [
    {
      rule: "kms-key-rotation-enabled",
      pass: ["ok-key", "bad-phi-window", "bad-wildcard"],
      fail: ["bad-no-rotation", "bad-rotation-period", "primary-no-rotation"],
      unknown: ["unk-primary"],
      notApplicable: ["asymmetric"],
    },
    {
      rule: "kms-key-deletion-window-sufficient",
      pass: ["ok-key", "ok-short-window", "ok-replica", "bad-no-rotation"],
      fail: ["bad-phi-window"],
    },
    {
      rule: "kms-key-policy-no-wildcard-principal",
      pass: ["ok-key", "ok-scoped-wildcard", "bad-no-policy", "ok-replica"],
      fail: ["bad-wildcard", "bad-wildcard-aws"],
      unknown: ["unk-policy"],
    },
    {
      rule: "kms-key-policy-defined",
      pass: ["ok-key", "unk-policy", "ok-replica"],
      fail: ["bad-no-policy"],
    },
    {
      rule: "kms-replica-key-primary-rotation-enabled",
      pass: ["ok-replica"],
      fail: ["bad-replica", "bad-replica-external"],
      unknown: ["unk-primary"],
    },
  ],
} satisfies ServiceCases;

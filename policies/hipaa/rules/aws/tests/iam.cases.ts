import { HEADER, type ServiceCases } from "./support";

export default {
  service: "IAM",
  program: `${HEADER}
const key = new aws.kms.Key("key", {});
const trustEc2 = doc([{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }]);
const scoped = doc([{ Sid: "Read", Effect: "Allow", Action: ["s3:GetObject", "kms:Decrypt"], Resource: ["arn:aws:s3:::phi-records/*", "arn:aws:kms:us-east-1:123456789012:key/1234"] }]);
new aws.iam.Policy("ok-policy", { policy: scoped });
new aws.iam.Policy("bad-admin-policy", { policy: doc([{ Sid: "All", Effect: "Allow", Action: "*", Resource: "*" }]) });
new aws.iam.Policy("bad-service-policy", { policy: doc([{ Effect: "Allow", Action: ["s3:*", "dynamodb:GetItem"], Resource: "arn:aws:s3:::x/*" }]) });
new aws.iam.Policy("bad-decrypt-policy", { policy: doc([{ Effect: "Allow", Action: ["kms:Decrypt*"], Resource: "*" }]) });
new aws.iam.Policy("ok-deny-all", { policy: doc([{ Effect: "Deny", Action: "*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }]) });
new aws.iam.Policy("unk-policy", { policy: key.arn.apply((arn) => doc([{ Effect: "Allow", Action: "*", Resource: arn }])) });
new aws.iam.Policy("doc-policy", { policy: aws.iam.getPolicyDocumentOutput({ statements: [{ effect: "Allow", actions: ["*"], resources: ["*"] }] }).json });

const okRole = new aws.iam.Role("ok-role", { assumeRolePolicy: trustEc2, inlinePolicies: [{ name: "read", policy: scoped }] });
new aws.iam.Role("bad-trust-role", { assumeRolePolicy: doc([{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }]) });
new aws.iam.Role("ok-conditional-trust", { assumeRolePolicy: doc([{ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } }]) });
new aws.iam.Role("bad-inline-admin-role", { assumeRolePolicy: trustEc2, inlinePolicies: [{ name: "admin", policy: doc([{ Effect: "Allow", Action: "*:*", Resource: ["*"] }]) }] });
new aws.iam.RolePolicy("ok-role-policy", { role: okRole.name, policy: scoped });
new aws.iam.RolePolicyAttachment("ok-attachment", { role: okRole.name, policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" });
new aws.iam.RolePolicyAttachment("bad-admin-attachment", { role: okRole.name, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" });

const user = new aws.iam.User("user", {});
new aws.iam.UserPolicy("bad-user-policy", { user: user.name, policy: scoped });
new aws.iam.UserPolicyAttachment("bad-user-attachment", { user: user.name, policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" });
new aws.iam.PolicyAttachment("bad-policy-attachment", { users: [user.name], policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" });
new aws.iam.UserPoliciesExclusive("ok-no-inline", { userName: user.name, policyNames: [] });
new aws.iam.UserPoliciesExclusive("bad-inline-list", { userName: user.name, policyNames: ["legacy"] });
new aws.iam.UserPolicyAttachmentsExclusive("ok-no-attachments", { userName: user.name, policyArns: [] });
new aws.iam.PolicyAttachment("ok-group-attachment", { groups: ["auditors"], policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" });
new aws.iam.AccountPasswordPolicy("ok-password-policy", {
  minimumPasswordLength: 14, passwordReusePrevention: 24, maxPasswordAge: 90,
  requireLowercaseCharacters: true, requireUppercaseCharacters: true, requireNumbers: true, requireSymbols: true,
});
new aws.iam.AccountPasswordPolicy("bad-password-policy", { minimumPasswordLength: 8, requireSymbols: true });
`,
  cases: [
    { rule: "iam-account-password-policy-strong", pass: ["ok-password-policy"], fail: ["bad-password-policy"] },
    {
      rule: "iam-policy-no-admin-access",
      pass: ["ok-policy", "ok-deny-all", "ok-role", "ok-role-policy", "ok-attachment", "bad-user-attachment", "bad-service-policy"],
      fail: ["bad-admin-policy", "doc-policy", "bad-inline-admin-role", "bad-admin-attachment"],
      unknown: ["unk-policy"],
    },
    { rule: "iam-policy-no-full-service-access", pass: ["ok-policy", "ok-role", "ok-role-policy", "bad-admin-policy"], fail: ["bad-service-policy"], unknown: ["unk-policy"] },
    {
      rule: "iam-policy-no-kms-decrypt-on-all-keys",
      pass: ["ok-policy", "ok-role", "ok-deny-all"],
      fail: ["bad-admin-policy", "bad-decrypt-policy", "doc-policy", "bad-inline-admin-role"],
      unknown: ["unk-policy"],
    },
    { rule: "iam-user-no-inline-policies", pass: ["ok-no-inline"], fail: ["bad-user-policy", "bad-inline-list"] },
    { rule: "iam-user-no-attached-policies", pass: ["ok-group-attachment", "ok-no-attachments"], fail: ["bad-user-attachment", "bad-policy-attachment"] },
    { rule: "iam-role-trust-no-wildcard-principal", pass: ["ok-role", "ok-conditional-trust"], fail: ["bad-trust-role"] },
  ],
} satisfies ServiceCases;

import { listing } from "./lib/props";
import { resourceRule } from "./lib/rule";

/** The AWS Config conformance pack's parameters for IAM_PASSWORD_POLICY. */
const MIN_LENGTH = 14;
const MIN_REUSE_PREVENTION = 24;
const MAX_AGE_DAYS = 90;

export default resourceRule({
  name: "iam-account-password-policy-strong",
  description: `When a stack sets the account password policy, it requires at least ${MIN_LENGTH} characters of all four kinds, prevents reuse of the last ${MIN_REUSE_PREVENTION} passwords and expires passwords within ${MAX_AGE_DAYS} days.`,
  enforcementLevel: "mandatory",
  hipaa: ["164.308(a)(5)(ii)(D)", "164.308(a)(4)(ii)(B)", "164.312(d)"],
  remediation: `Set \`minimumPasswordLength: ${MIN_LENGTH}\`, \`passwordReusePrevention: ${MIN_REUSE_PREVENTION}\`, \`maxPasswordAge: ${MAX_AGE_DAYS}\` and all four \`require*\` flags on the \`aws.iam.AccountPasswordPolicy\` (better: sign people in through IAM Identity Center).`,
  controls: {
    awsConfig: ["IAM_PASSWORD_POLICY"],
    checkov: ["CKV_AWS_9", "CKV_AWS_10", "CKV_AWS_11", "CKV_AWS_12", "CKV_AWS_13", "CKV_AWS_14", "CKV_AWS_15"],
    cis: ["AWS 3.0.0 1.8", "AWS 3.0.0 1.9"],
  },
  resourceTypes: ["aws:iam/accountPasswordPolicy:AccountPasswordPolicy"],
  check: (props, _args, report) => {
    const length = props.minimumPasswordLength as number | undefined;
    if (length === undefined || length < MIN_LENGTH) report(`minimumPasswordLength is ${length ?? "unset"}; expected at least ${MIN_LENGTH}.`);
    const reuse = props.passwordReusePrevention as number | undefined;
    if (reuse === undefined || reuse < MIN_REUSE_PREVENTION) report(`passwordReusePrevention is ${reuse ?? "unset"}; expected at least ${MIN_REUSE_PREVENTION}.`);
    const age = props.maxPasswordAge as number | undefined;
    if (age === undefined || age <= 0 || age > MAX_AGE_DAYS) report(`maxPasswordAge is ${age ?? "unset"}; expected at most ${MAX_AGE_DAYS}.`);
    const flags = ["requireLowercaseCharacters", "requireUppercaseCharacters", "requireNumbers", "requireSymbols"].filter((f) => props[f] !== true);
    if (flags.length > 0) report(`${listing(flags)} ${flags.length === 1 ? "is" : "are"} not true.`);
  },
});

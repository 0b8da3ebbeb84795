import { CITES } from "../../controls";
import { customerKeyProblem, peekString } from "./lib/props";
import { resourceRule } from "./lib/rule";

/** Parameter names that announce a secret. */
const SECRET_NAME = /(password|passwd|secret|token|api[-_]?key|private[-_]?key|credential|connection[-_]?string)/i;

export default resourceRule({
  name: "ssm-parameter-secrets-secure-string-with-cmk",
  description:
    "SSM parameters that hold secrets are SecureString parameters encrypted with a customer managed KMS key: every SecureString names a customer managed keyId (not alias/aws/ssm), and a String or StringList whose name announces a secret (password, secret, token, api key, private key, credential) is refused.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest, "164.312(a)(1)"],
  remediation:
    "Create the `aws.ssm.Parameter` with `type: \"SecureString\"` and `keyId: key.arn` (an `EnvelopeKey`); better, keep secrets in Secrets Manager (`aws.secretsmanager.Secret` with `kmsKeyId`).",
  controls: {
    checkov: ["CKV2_AWS_34", "CKV_AWS_337"],
  },
  resourceTypes: ["aws:ssm/parameter:Parameter"],
  check: (props, args, report) => {
    const type = String(props.type ?? "String");
    if (type !== "SecureString") {
      const name = peekString(props, "name") ?? args.name;
      if (SECRET_NAME.test(name)) report(`parameter '${name}' looks like a secret but is a plain ${type}; expected SecureString.`);
      return;
    }
    const problem = customerKeyProblem(props, "keyId");
    if (problem) report(`${problem}, so the SecureString is encrypted with the AWS managed SSM key.`);
  },
});

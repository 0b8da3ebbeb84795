import { CITES } from "../../controls";
import { customerKeyProblem } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "secretsmanager-secret-encrypted-with-cmk",
  description: "Secrets Manager secrets are encrypted with a customer managed KMS key, not the AWS managed aws/secretsmanager key.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest],
  remediation: "Use phiguard components (`PhiDatabase` keeps its credentials in a secret encrypted with its `EnvelopeKey`), or set `kmsKeyId: key.arn` on the `aws.secretsmanager.Secret`.",
  controls: {
    awsConfig: ["SECRETSMANAGER_USING_CMK"],
    cdkNag: ["HIPAA.Security-SecretsManagerUsingKMSKey"],
    checkov: ["CKV_AWS_149"],
  },
  resourceTypes: ["aws:secretsmanager/secret:Secret"],
  check: (props, _args, report) => {
    const problem = customerKeyProblem(props, "kmsKeyId");
    if (problem) report(`${problem}.`);
  },
});

import { childrenOf, forEachDeferred, ofType } from "./lib/stack";
import { stackRule } from "./lib/rule";

const SECRET = "aws:secretsmanager/secret:Secret";
const ROTATION = "aws:secretsmanager/secretRotation:SecretRotation";

export default stackRule({
  name: "secretsmanager-secret-rotation-enabled",
  description: "Secrets Manager secrets rotate automatically (an aws.secretsmanager.SecretRotation whose secretId names the secret).",
  enforcementLevel: "advisory",
  hipaa: ["164.308(a)(4)(ii)(B)", "164.308(a)(5)(ii)(D)"],
  remediation:
    "Prefer credentials that rotate themselves (`PhiDatabase` uses RDS-managed master passwords); otherwise add an `aws.secretsmanager.SecretRotation` with `secretId: secret.id` and `rotationRules`.",
  controls: {
    awsConfig: ["SECRETSMANAGER_ROTATION_ENABLED_CHECK"],
    cdkNag: ["HIPAA.Security-SecretsManagerRotationEnabled"],
    checkov: ["CKV2_AWS_57"],
  },
  resourceTypes: [SECRET],
  check: (args, report) => {
    forEachDeferred(ofType(args.resources, SECRET), (secret) => {
      const rotations = childrenOf(args.resources, secret, ROTATION, "secretId", ["name"]);
      if (rotations.length === 0) report("no aws.secretsmanager.SecretRotation rotates this secret.", secret.urn);
      else if (rotations.every((r) => r.props.rotationEnabled === false)) report("the secret's rotation is disabled.", secret.urn);
    });
  },
});

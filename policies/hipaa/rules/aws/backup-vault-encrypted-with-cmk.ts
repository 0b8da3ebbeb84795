import { CITES } from "../../controls";
import { VAULT } from "./lib/backup";
import { customerKeyProblem } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "backup-vault-encrypted-with-cmk",
  description: "AWS Backup vaults encrypt recovery points with a customer managed KMS key.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.backupPlan, ...CITES.encryptionAtRest],
  remediation: "Use the `BackupPlan` component (its vaults use an `EnvelopeKey`), or set `kmsKeyArn: key.arn` on the `aws.backup.Vault`.",
  controls: {
    awsConfig: ["BACKUP_RECOVERY_POINT_ENCRYPTED"],
    checkov: ["CKV_AWS_166"],
  },
  resourceTypes: [VAULT],
  check: (props, _args, report) => {
    const problem = customerKeyProblem(props, "kmsKeyArn");
    if (problem) report(`${problem}; recovery points use the AWS managed backup key.`);
  },
});

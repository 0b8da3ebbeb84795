import { CITES } from "../../controls";
import { customerKeyProblem } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "efs-file-system-encrypted-with-cmk",
  description: "EFS file systems are encrypted at rest with a customer managed KMS key.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest],
  remediation: "Set `encrypted: true` and `kmsKeyId: key.arn` (an `EnvelopeKey`) on the `aws.efs.FileSystem`.",
  controls: {
    awsConfig: ["EFS_ENCRYPTED_CHECK"],
    cdkNag: ["HIPAA.Security-EFSEncrypted"],
    checkov: ["CKV_AWS_42", "CKV_AWS_184"],
    cis: ["AWS 3.0.0 2.4.1"],
  },
  resourceTypes: ["aws:efs/fileSystem:FileSystem"],
  check: (props, _args, report) => {
    if (props.encrypted !== true) {
      report("the file system is not encrypted (encrypted is not true).");
      return;
    }
    const problem = customerKeyProblem(props, "kmsKeyId");
    if (problem) report(`${problem}.`);
  },
});

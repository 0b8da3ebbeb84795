import { CITES } from "../../controls";
import { customerKeyProblem } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "dms-replication-instance-encrypted-with-cmk",
  description: "DMS replication instances encrypt their storage (which holds the data in flight between the databases) with a customer managed KMS key.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest],
  remediation: "Set `kmsKeyArn: key.arn` (an `EnvelopeKey`) on the `aws.dms.ReplicationInstance`.",
  controls: {
    checkov: ["CKV_AWS_212"],
  },
  resourceTypes: ["aws:dms/replicationInstance:ReplicationInstance"],
  check: (props, _args, report) => {
    const problem = customerKeyProblem(props, "kmsKeyArn");
    if (problem) report(`${problem}, so the instance uses the AWS managed DMS key.`);
  },
});

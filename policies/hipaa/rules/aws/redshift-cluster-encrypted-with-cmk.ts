import { CITES } from "../../controls";
import { customerKeyProblem } from "./lib/props";
import { isFalse, REDSHIFT_CLUSTER } from "./lib/redshift";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "redshift-cluster-encrypted-with-cmk",
  description: "Redshift clusters encrypt data at rest (encrypted, on by default in @pulumi/aws v7) with a customer managed KMS key (kmsKeyId).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest],
  remediation: "Set `encrypted: \"true\"` and `kmsKeyId: key.arn` (an `EnvelopeKey`) on the `aws.redshift.Cluster`.",
  controls: {
    awsConfig: ["REDSHIFT_CLUSTER_CONFIGURATION_CHECK"],
    cdkNag: ["HIPAA.Security-RedshiftClusterConfiguration"],
    checkov: ["CKV_AWS_64", "CKV_AWS_142"],
  },
  resourceTypes: [REDSHIFT_CLUSTER],
  check: (props, _args, report) => {
    if (isFalse(props.encrypted)) {
      report("encrypted is false.");
      return;
    }
    const problem = customerKeyProblem(props, "kmsKeyId");
    if (problem) report(`${problem}, so the cluster uses the AWS managed Redshift key.`);
  },
});

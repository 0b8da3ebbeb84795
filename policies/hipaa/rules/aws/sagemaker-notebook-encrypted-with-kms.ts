import { CITES } from "../../controls";
import { customerKeyProblem } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "sagemaker-notebook-encrypted-with-kms",
  description: "SageMaker notebook instances encrypt their storage volume with a customer managed KMS key (kmsKeyId).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest],
  remediation: "Set `kmsKeyId: key.arn` (an `EnvelopeKey`) on the `aws.sagemaker.NotebookInstance`.",
  controls: {
    awsConfig: ["SAGEMAKER_NOTEBOOK_INSTANCE_KMS_KEY_CONFIGURED"],
    cdkNag: ["HIPAA.Security-SageMakerNotebookInstanceKMSKeyConfigured"],
    checkov: ["CKV_AWS_22", "CKV_AWS_187"],
  },
  resourceTypes: ["aws:sagemaker/notebookInstance:NotebookInstance"],
  check: (props, _args, report) => {
    const problem = customerKeyProblem(props, "kmsKeyId");
    if (problem) report(`${problem}.`);
  },
});

import { CITES } from "../../controls";
import { customerKeyProblem } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "kinesis-stream-encrypted-with-kms",
  description: "Kinesis data streams encrypt records at rest with a customer managed KMS key (encryptionType KMS, kmsKeyId not alias/aws/kinesis).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest],
  remediation: "Set `encryptionType: \"KMS\"` and `kmsKeyId: key.arn` (an `EnvelopeKey`) on the `aws.kinesis.Stream`.",
  controls: {
    awsConfig: ["KINESIS_STREAM_ENCRYPTED"],
    checkov: ["CKV_AWS_43", "CKV_AWS_185"],
  },
  resourceTypes: ["aws:kinesis/stream:Stream"],
  check: (props, _args, report) => {
    const type = String(props.encryptionType ?? "NONE").toUpperCase();
    if (type !== "KMS") {
      report(`encryptionType is '${type}', so records are stored unencrypted.`);
      return;
    }
    const problem = customerKeyProblem(props, "kmsKeyId");
    if (problem) report(`${problem}.`);
  },
});

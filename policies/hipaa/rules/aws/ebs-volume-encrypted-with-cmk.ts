import type * as aws from "@pulumi/aws";
import { CITES } from "../../controls";
import { customerKeyProblem } from "./lib/props";
import type { Inputs } from "./lib/rule";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "ebs-volume-encrypted-with-cmk",
  description: "EBS volumes are encrypted with a customer managed KMS key.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest],
  remediation: "Encrypt with an `EnvelopeKey`: set `encrypted: true` and `kmsKeyId: key.arn` on the `aws.ebs.Volume`.",
  controls: {
    awsConfig: ["ENCRYPTED_VOLUMES"],
    checkov: ["CKV_AWS_3", "CKV_AWS_189"],
    cis: ["AWS 3.0.0 2.2.1"],
  },
  resourceTypes: ["aws:ebs/volume:Volume"],
  check: (props, _args, report) => {
    const p = props as Inputs<aws.ebs.VolumeArgs>;
    if (p.encrypted !== true) {
      report("the volume is not encrypted (encrypted is not true).");
      return;
    }
    const problem = customerKeyProblem(props, "kmsKeyId");
    if (problem) report(`${problem}.`);
  },
});

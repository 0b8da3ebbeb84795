import { CITES } from "../../controls";
import { arrayOf, type Props } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "ecr-repository-encrypted-with-kms",
  description: "ECR repositories encrypt images with KMS rather than the default AES-256 with an AWS owned key.",
  enforcementLevel: "advisory",
  hipaa: [...CITES.encryptionAtRest],
  remediation: "Use the `SecureCluster` component's repositories, or set `encryptionConfigurations: [{ encryptionType: \"KMS\", kmsKey: key.arn }]`.",
  controls: {
    checkov: ["CKV_AWS_136"],
  },
  resourceTypes: ["aws:ecr/repository:Repository"],
  check: (props, _args, report) => {
    const kms = arrayOf<Props>(props.encryptionConfigurations).some((c) => String(c.encryptionType).toUpperCase().startsWith("KMS"));
    if (!kms) report("the repository is not encrypted with KMS (encryptionType is not 'KMS').");
  },
});

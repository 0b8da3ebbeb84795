import { CITES } from "../../controls";
import { customerKeyProblem } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "sagemaker-endpoint-configuration-encrypted-with-kms",
  description: "SageMaker endpoint configurations encrypt the ML storage volumes of their endpoints with a customer managed KMS key (kmsKeyArn).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest],
  remediation: "Set `kmsKeyArn: key.arn` (an `EnvelopeKey`) on the `aws.sagemaker.EndpointConfiguration`.",
  controls: {
    awsConfig: ["SAGEMAKER_ENDPOINT_CONFIGURATION_KMS_KEY_CONFIGURED"],
    cdkNag: ["HIPAA.Security-SageMakerEndpointConfigurationKMSKeyConfigured"],
    checkov: ["CKV_AWS_98"],
  },
  resourceTypes: ["aws:sagemaker/endpointConfiguration:EndpointConfiguration"],
  check: (props, _args, report) => {
    const problem = customerKeyProblem(props, "kmsKeyArn");
    if (problem) report(`${problem}.`);
  },
});

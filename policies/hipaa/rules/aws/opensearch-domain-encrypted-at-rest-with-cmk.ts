import { CITES } from "../../controls";
import { DOMAIN_TYPES } from "./lib/opensearch";
import { customerKeyProblem } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "opensearch-domain-encrypted-at-rest-with-cmk",
  description: "OpenSearch (and Elasticsearch) domains encrypt data at rest (encryptAtRest.enabled) with a customer managed KMS key.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest],
  remediation: "Set `encryptAtRest: { enabled: true, kmsKeyId: key.arn }` (an `EnvelopeKey`) on the `aws.opensearch.Domain`.",
  controls: {
    awsConfig: ["OPENSEARCH_ENCRYPTED_AT_REST", "ELASTICSEARCH_ENCRYPTED_AT_REST"],
    cdkNag: ["HIPAA.Security-OpenSearchEncryptedAtRest"],
    checkov: ["CKV_AWS_5", "CKV_AWS_247"],
  },
  resourceTypes: DOMAIN_TYPES,
  check: (props, _args, report) => {
    if (props.encryptAtRest?.enabled !== true) {
      report("encryptAtRest.enabled is not true.");
      return;
    }
    const problem = customerKeyProblem(props.encryptAtRest, "kmsKeyId");
    if (problem) report(`encryptAtRest: ${problem}, so the domain uses the AWS managed key.`);
  },
});

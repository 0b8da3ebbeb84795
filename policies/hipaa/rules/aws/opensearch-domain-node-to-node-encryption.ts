import { CITES } from "../../controls";
import { DOMAIN_TYPES } from "./lib/opensearch";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "opensearch-domain-node-to-node-encryption",
  description: "OpenSearch (and Elasticsearch) domains encrypt traffic between their nodes with TLS (nodeToNodeEncryption.enabled).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.inTransit],
  remediation: "Set `nodeToNodeEncryption: { enabled: true }` on the `aws.opensearch.Domain`.",
  controls: {
    awsConfig: ["OPENSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK", "ELASTICSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK"],
    cdkNag: ["HIPAA.Security-OpenSearchNodeToNodeEncryption"],
    checkov: ["CKV_AWS_6"],
  },
  resourceTypes: DOMAIN_TYPES,
  check: (props, _args, report) => {
    if (props.nodeToNodeEncryption?.enabled !== true) report("nodeToNodeEncryption.enabled is not true.");
  },
});

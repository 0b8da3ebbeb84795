import { CITES } from "../../controls";
import { DOMAIN_TYPES } from "./lib/opensearch";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "opensearch-domain-fine-grained-access-control",
  description:
    "OpenSearch (and Elasticsearch) domains use fine-grained access control (advancedSecurityOptions.enabled), so access to indexes, documents and fields is granted per user or role.",
  enforcementLevel: "advisory",
  hipaa: [...CITES.leastPrivilege],
  remediation:
    "Set `advancedSecurityOptions: { enabled: true, internalUserDatabaseEnabled: false, masterUserOptions: { masterUserArn: adminRole.arn } }` on the `aws.opensearch.Domain`.",
  controls: {
    checkov: ["CKV2_AWS_52"],
  },
  resourceTypes: DOMAIN_TYPES,
  check: (props, _args, report) => {
    if (props.advancedSecurityOptions?.enabled !== true) report("advancedSecurityOptions.enabled is not true.");
  },
});

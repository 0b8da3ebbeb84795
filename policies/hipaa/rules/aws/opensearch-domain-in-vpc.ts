import { CITES } from "../../controls";
import { DOMAIN_TYPES } from "./lib/opensearch";
import { arrayOf } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "opensearch-domain-in-vpc",
  description: "OpenSearch (and Elasticsearch) domains run inside a VPC (vpcOptions.subnetIds), not on a public endpoint.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.notPublic],
  remediation: "Set `vpcOptions: { subnetIds: network.privateSubnetIds, securityGroupIds: [...] }` (the private tier of `MultiRegionNetwork`) on the `aws.opensearch.Domain`.",
  controls: {
    awsConfig: ["OPENSEARCH_IN_VPC_ONLY", "ELASTICSEARCH_IN_VPC_ONLY"],
    cdkNag: ["HIPAA.Security-OpenSearchInVPCOnly"],
    checkov: ["CKV_AWS_137"],
  },
  resourceTypes: DOMAIN_TYPES,
  check: (props, _args, report) => {
    if (arrayOf(props.vpcOptions?.subnetIds).length === 0) report("the domain has no vpcOptions.subnetIds, so its endpoint is public.");
  },
});

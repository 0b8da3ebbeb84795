import { REDSHIFT_CLUSTER } from "./lib/redshift";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "redshift-enhanced-vpc-routing-enabled",
  description:
    "Redshift clusters use enhanced VPC routing (enhancedVpcRouting), so COPY and UNLOAD traffic goes through the VPC (its endpoints, security groups and flow logs) instead of the internet.",
  enforcementLevel: "mandatory",
  hipaa: ["164.312(e)(1)"],
  remediation: "Set `enhancedVpcRouting: true` on the `aws.redshift.Cluster` and give the VPC an S3 endpoint (as `MultiRegionNetwork` does).",
  controls: {
    awsConfig: ["REDSHIFT_ENHANCED_VPC_ROUTING_ENABLED"],
    cdkNag: ["HIPAA.Security-RedshiftEnhancedVPCRoutingEnabled"],
    checkov: ["CKV_AWS_321"],
  },
  resourceTypes: [REDSHIFT_CLUSTER],
  check: (props, _args, report) => {
    if (props.enhancedVpcRouting !== true) report("enhancedVpcRouting is not true.");
  },
});

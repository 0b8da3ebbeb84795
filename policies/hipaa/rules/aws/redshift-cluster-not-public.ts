import { CITES } from "../../controls";
import { REDSHIFT_CLUSTER } from "./lib/redshift";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "redshift-cluster-not-public",
  description: "Redshift clusters are not publicly accessible (publiclyAccessible is not true).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.notPublic],
  remediation: "Remove `publiclyAccessible: true` from the `aws.redshift.Cluster` (false is the default) and place it in a private `clusterSubnetGroupName`.",
  controls: {
    awsConfig: ["REDSHIFT_CLUSTER_PUBLIC_ACCESS_CHECK"],
    cdkNag: ["HIPAA.Security-RedshiftClusterPublicAccess"],
    checkov: ["CKV_AWS_87"],
  },
  resourceTypes: [REDSHIFT_CLUSTER],
  check: (props, _args, report) => {
    if (props.publiclyAccessible === true) report("publiclyAccessible is true.");
  },
});

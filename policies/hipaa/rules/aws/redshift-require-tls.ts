import type { PolicyResource } from "@pulumi/policy";
import { CITES } from "../../controls";
import { arrayOf, hasValue, type Props } from "./lib/props";
import { REDSHIFT_CLUSTER, REDSHIFT_PARAMETER_GROUP } from "./lib/redshift";
import { forEachDeferred, ofType, parentsOf } from "./lib/stack";
import { stackRule } from "./lib/rule";

function requiresSsl(group: PolicyResource): boolean {
  return arrayOf<Props>(group.props.parameters).some((p) => String(p.name).toLowerCase() === "require_ssl" && String(p.value).toLowerCase() === "true");
}

export default stackRule({
  name: "redshift-require-tls",
  description:
    "Redshift clusters refuse unencrypted connections: the cluster's parameter group (clusterParameterGroupName) sets require_ssl = true (the default parameter group does not).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.inTransit],
  remediation:
    "Create an `aws.redshift.ParameterGroup` with `parameters: [{ name: \"require_ssl\", value: \"true\" }]` and set `clusterParameterGroupName: group.name` on the `aws.redshift.Cluster`.",
  controls: {
    awsConfig: ["REDSHIFT_REQUIRE_TLS_SSL"],
    cdkNag: ["HIPAA.Security-RedshiftRequireTlsSSL"],
    checkov: ["CKV_AWS_105"],
  },
  resourceTypes: [REDSHIFT_CLUSTER],
  check: (args, report) => {
    forEachDeferred(ofType(args.resources, REDSHIFT_CLUSTER), (cluster) => {
      if (!hasValue(cluster.props, "clusterParameterGroupName")) {
        report("no clusterParameterGroupName is set, so the default parameter group applies and require_ssl is false.", cluster.urn);
        return;
      }
      const groups = parentsOf(args.resources, cluster, "clusterParameterGroupName", REDSHIFT_PARAMETER_GROUP, ["name"]);
      if (groups.length === 0) {
        report("the parameter group in clusterParameterGroupName is not defined in this stack, so require_ssl cannot be verified.", cluster.urn);
      } else if (!groups.some(requiresSsl)) {
        report(`parameter group '${groups[0]?.name}' does not set require_ssl to true.`, cluster.urn);
      }
    });
  },
});

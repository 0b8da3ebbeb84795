import { CITES } from "../../controls";
import { hasValue } from "./lib/props";
import { REDSHIFT_CLUSTER, REDSHIFT_LOGGING } from "./lib/redshift";
import { childrenOf, forEachDeferred, ofType } from "./lib/stack";
import { stackRule } from "./lib/rule";

export default stackRule({
  name: "redshift-cluster-audit-logging-enabled",
  description:
    "Redshift clusters write audit logs (connection, user and user-activity logs): an aws.redshift.Logging whose clusterIdentifier names the cluster, delivering to CloudWatch Logs or to an S3 bucket.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.audit],
  remediation:
    "Add an `aws.redshift.Logging` with `clusterIdentifier: cluster.clusterIdentifier`, `logDestinationType: \"cloudwatch\"` and `logExports: [\"connectionlog\", \"userlog\", \"useractivitylog\"]` (user activity also needs `enable_user_activity_logging` in the parameter group).",
  controls: {
    awsConfig: ["REDSHIFT_CLUSTER_CONFIGURATION_CHECK"],
    cdkNag: ["HIPAA.Security-RedshiftClusterConfiguration"],
    checkov: ["CKV_AWS_71"],
  },
  resourceTypes: [REDSHIFT_CLUSTER],
  check: (args, report) => {
    forEachDeferred(ofType(args.resources, REDSHIFT_CLUSTER), (cluster) => {
      const logging = childrenOf(args.resources, cluster, REDSHIFT_LOGGING, "clusterIdentifier", ["clusterIdentifier"]);
      if (logging.length === 0) {
        report("no aws.redshift.Logging names this cluster, so audit logging is off.", cluster.urn);
        return;
      }
      const delivers = logging.some((l) =>
        String(l.props.logDestinationType ?? "s3") === "cloudwatch" ? true : hasValue(l.props, "bucketName"),
      );
      if (!delivers) report("the cluster's aws.redshift.Logging delivers to S3 but names no bucketName.", cluster.urn);
    });
  },
});

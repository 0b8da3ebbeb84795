import { CLUSTER_INSTANCE, DB_INSTANCE, dbKind } from "./lib/rds";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "rds-enhanced-monitoring-enabled",
  description: "RDS DB instances and cluster instances have Enhanced Monitoring (monitoringInterval greater than 0).",
  enforcementLevel: "advisory",
  hipaa: ["164.312(b)"],
  remediation: "Use the `PhiDatabase` component, or set `monitoringInterval: 60` with a `monitoringRoleArn`.",
  controls: {
    awsConfig: ["RDS_ENHANCED_MONITORING_ENABLED"],
    cdkNag: ["HIPAA.Security-RDSEnhancedMonitoringEnabled"],
    checkov: ["CKV_AWS_118"],
  },
  resourceTypes: [DB_INSTANCE, CLUSTER_INSTANCE],
  check: (props, args, report) => {
    const interval = props.monitoringInterval as number | undefined;
    if (interval === undefined || interval <= 0) report(`the ${dbKind(args.type)} does not enable Enhanced Monitoring (monitoringInterval is ${interval ?? "unset"}).`);
  },
});

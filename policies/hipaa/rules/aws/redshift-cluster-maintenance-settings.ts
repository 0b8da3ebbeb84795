import { hasValue } from "./lib/props";
import { REDSHIFT_CLUSTER } from "./lib/redshift";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "redshift-cluster-maintenance-settings",
  description:
    "Redshift clusters take engine version upgrades (allowVersionUpgrade is not false) in a maintenance window the team chose (preferredMaintenanceWindow).",
  enforcementLevel: "advisory",
  hipaa: ["164.308(a)(5)(ii)(A)", "164.308(a)(7)(ii)(A)"],
  remediation: "Set `preferredMaintenanceWindow: \"sun:05:00-sun:05:30\"` and keep `allowVersionUpgrade` true (the default) on the `aws.redshift.Cluster`.",
  controls: {
    awsConfig: ["REDSHIFT_CLUSTER_MAINTENANCESETTINGS_CHECK"],
    cdkNag: ["HIPAA.Security-RedshiftClusterMaintenanceSettings"],
    checkov: ["CKV_AWS_141"],
  },
  resourceTypes: [REDSHIFT_CLUSTER],
  check: (props, _args, report) => {
    if (props.allowVersionUpgrade === false) report("allowVersionUpgrade is false, so engine security fixes are not applied.");
    if (!hasValue(props, "preferredMaintenanceWindow")) report("no preferredMaintenanceWindow is set.");
  },
});

import { arrayOf } from "./lib/props";
import { DB_CLUSTER, DB_INSTANCE, dbKind } from "./lib/rds";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "rds-log-exports-enabled",
  description: "RDS DB instances and clusters export their database logs to CloudWatch Logs.",
  enforcementLevel: "mandatory",
  hipaa: ["164.308(a)(3)(ii)(A)", "164.308(a)(5)(ii)(C)", "164.312(b)"],
  remediation:
    "Use the `PhiDatabase` component (engine-appropriate log types exported), or set `enabledCloudwatchLogsExports` (e.g. `[\"postgresql\"]`, or `[\"audit\", \"error\"]` for MySQL).",
  controls: {
    awsConfig: ["RDS_LOGGING_ENABLED"],
    cdkNag: ["HIPAA.Security-RDSLoggingEnabled"],
    checkov: ["CKV_AWS_129", "CKV_AWS_324"],
  },
  resourceTypes: [DB_INSTANCE, DB_CLUSTER],
  check: (props, args, report) => {
    if (arrayOf(props.enabledCloudwatchLogsExports).length === 0) {
      report(`the ${dbKind(args.type)} exports no logs (enabledCloudwatchLogsExports is empty).`);
    }
  },
});

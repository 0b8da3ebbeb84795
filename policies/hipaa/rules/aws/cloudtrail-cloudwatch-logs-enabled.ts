import { CITES } from "../../controls";
import { hasValue } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "cloudtrail-cloudwatch-logs-enabled",
  description: "CloudTrail trails also deliver events to CloudWatch Logs, where metric filters and alarms can act on them.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.audit, "164.308(a)(1)(ii)(D)", "164.308(a)(6)(ii)"],
  remediation:
    "Use the `AuditTrail` component (log group, delivery role and security alarms), or set `cloudWatchLogsGroupArn` and `cloudWatchLogsRoleArn` on the `aws.cloudtrail.Trail`.",
  controls: {
    awsConfig: ["CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED"],
    cdkNag: ["HIPAA.Security-CloudTrailCloudWatchLogsEnabled"],
    checkov: ["CKV2_AWS_10"],
  },
  resourceTypes: ["aws:cloudtrail/trail:Trail"],
  check: (props, _args, report) => {
    if (!hasValue(props, "cloudWatchLogsGroupArn")) report("no cloudWatchLogsGroupArn is set.");
    else if (!hasValue(props, "cloudWatchLogsRoleArn")) report("cloudWatchLogsGroupArn is set but no cloudWatchLogsRoleArn, so CloudTrail cannot deliver.");
  },
});

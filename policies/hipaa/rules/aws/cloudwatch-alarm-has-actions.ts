import { arrayOf } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "cloudwatch-alarm-has-actions",
  description: "CloudWatch alarms notify someone: they have alarm actions and actions are enabled.",
  enforcementLevel: "advisory",
  hipaa: ["164.312(b)", "164.308(a)(6)(ii)"],
  remediation: "Use the `SecurityMonitoring` component (its alarms notify an encrypted SNS topic), or set `alarmActions` on the `aws.cloudwatch.MetricAlarm`.",
  controls: {
    awsConfig: ["CLOUDWATCH_ALARM_ACTION_CHECK"],
    cdkNag: ["HIPAA.Security-CloudWatchAlarmAction"],
    checkov: ["CKV_AWS_319"],
  },
  resourceTypes: ["aws:cloudwatch/metricAlarm:MetricAlarm"],
  check: (props, _args, report) => {
    if (props.actionsEnabled === false) report("actionsEnabled is false.");
    else if (arrayOf(props.alarmActions).length === 0) report("the alarm has no alarmActions.");
  },
});

import { resourceRule } from "./lib/rule";

const MINIMUM_DAYS = 365;

export default resourceRule({
  name: "cloudwatch-log-group-retention-at-least-365-days",
  description: "CloudWatch Logs log groups keep events for at least 365 days (or never expire them).",
  enforcementLevel: "mandatory",
  hipaa: ["164.312(b)", "164.308(a)(1)(ii)(D)", "164.308(a)(6)(ii)"],
  remediation: "Use phiguard components (365 days or more by default), or set `retentionInDays: 365` (or longer) on the `aws.cloudwatch.LogGroup`.",
  controls: {
    awsConfig: ["CW_LOGGROUP_RETENTION_PERIOD_CHECK"],
    cdkNag: ["HIPAA.Security-CloudWatchLogGroupRetentionPeriod"],
    checkov: ["CKV_AWS_338"],
  },
  resourceTypes: ["aws:cloudwatch/logGroup:LogGroup"],
  check: (props, _args, report) => {
    const days = props.retentionInDays as number | undefined;
    if (days !== undefined && days !== 0 && days < MINIMUM_DAYS) report(`retentionInDays is ${days}; expected at least ${MINIMUM_DAYS}.`);
  },
});

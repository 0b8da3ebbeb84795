import { CITES } from "../../controls";
import { PLAN, scheduleIntervalHours } from "./lib/backup";
import { arrayOf, type Props } from "./lib/props";
import { resourceRule } from "./lib/rule";

const MAX_INTERVAL_HOURS = 24;
const MIN_RETENTION_DAYS = 35;

export default resourceRule({
  name: "backup-plan-daily-with-35-day-retention",
  description: "Every rule of an AWS Backup plan runs at least daily (or continuously) and keeps recovery points for at least 35 days.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.backupPlan],
  remediation:
    "Use the `BackupPlan` component (daily, 35 days and more by default), or give each rule a daily `schedule` (e.g. `cron(0 5 ? * * *)`) and `lifecycle.deleteAfter` of at least 35.",
  controls: {
    awsConfig: ["BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK"],
  },
  resourceTypes: [PLAN],
  check: (props, _args, report) => {
    arrayOf<Props>(props.rules).forEach((rule, i) => {
      const name = `rule '${rule.ruleName ?? i}'`;
      if (rule.enableContinuousBackup !== true && rule.schedule !== undefined) {
        const hours = scheduleIntervalHours(String(rule.schedule));
        if (hours === undefined || hours > MAX_INTERVAL_HOURS) {
          report(`${name} has schedule '${String(rule.schedule)}', which does not run at least daily.`);
        }
      }
      const days = rule.lifecycle?.deleteAfter as number | undefined;
      if (days !== undefined && days < MIN_RETENTION_DAYS) {
        report(`${name} deletes recovery points after ${days} days; expected at least ${MIN_RETENTION_DAYS}.`);
      }
    });
  },
});

import { resourceRule } from "./lib/rule";

const MAXIMUM_DAYS = 90;

/** Days between rotations of a `rate(...)` expression; undefined for anything else. */
function rateDays(expression: string): number | undefined {
  const rate = /^rate\((\d+)\s+(hour|hours|day|days)\)$/i.exec(expression.trim());
  if (!rate) return undefined;
  const n = Number(rate[1]);
  return (rate[2] as string).toLowerCase().startsWith("hour") ? n / 24 : n;
}

/** True for a `cron(...)` expression that runs at least monthly (its month field is `*`). */
function cronAtLeastMonthly(expression: string): boolean | undefined {
  const cron = /^cron\((.*)\)$/i.exec(expression.trim());
  if (!cron) return undefined;
  const fields = (cron[1] as string).trim().split(/\s+/);
  if (fields.length !== 6) return undefined;
  return fields[3] === "*";
}

export default resourceRule({
  name: "secretsmanager-rotation-within-90-days",
  description: `Secrets Manager rotation schedules rotate at least every ${MAXIMUM_DAYS} days (rotationRules.automaticallyAfterDays, or a rate() or monthly cron() scheduleExpression).`,
  enforcementLevel: "advisory",
  hipaa: ["164.308(a)(4)(ii)(B)", "164.308(a)(5)(ii)(D)"],
  remediation: `Set \`rotationRules: { automaticallyAfterDays: 30 }\` (at most ${MAXIMUM_DAYS}) on the \`aws.secretsmanager.SecretRotation\`; \`PhiDatabase\` rotates every 30 days.`,
  controls: {
    awsConfig: ["SECRETSMANAGER_ROTATION_ENABLED_CHECK"],
    checkov: ["CKV_AWS_304"],
  },
  resourceTypes: ["aws:secretsmanager/secretRotation:SecretRotation"],
  check: (props, _args, report) => {
    const rules = props.rotationRules as { automaticallyAfterDays?: number; scheduleExpression?: string } | undefined;
    if (rules?.automaticallyAfterDays !== undefined) {
      if (rules.automaticallyAfterDays > MAXIMUM_DAYS) report(`automaticallyAfterDays is ${rules.automaticallyAfterDays}; expected at most ${MAXIMUM_DAYS}.`);
      return;
    }
    const expression = rules?.scheduleExpression;
    if (expression === undefined) {
      report("rotationRules sets neither automaticallyAfterDays nor scheduleExpression.");
      return;
    }
    // A typed program always gives a string; anything else is no schedule the rule can read.
    if (typeof expression !== "string") return;
    const days = rateDays(expression);
    if (days !== undefined) {
      if (days > MAXIMUM_DAYS) report(`scheduleExpression '${expression}' rotates every ${days} days; expected at most ${MAXIMUM_DAYS}.`);
      return;
    }
    if (cronAtLeastMonthly(expression) !== true) report(`scheduleExpression '${expression}' does not run at least monthly; expected a cron() with month '*' or a rate() of at most ${MAXIMUM_DAYS} days.`);
  },
});

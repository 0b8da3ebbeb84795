/**
 * An organisation's own rule beside the phiguard HIPAA pack: PHI buckets must keep object versions
 * locked for at least 90 days (the pack accepts phiguard's 35-day default; this organisation's
 * records policy asks for more).
 *
 * A phiguard rule is an ordinary `@pulumi/policy` ResourceValidationPolicy (or
 * StackValidationPolicy) with two more fields: `hipaa` (the paragraphs it serves) and
 * `remediation` (what to change). `resourceTypes` is optional: the offline engine then calls the
 * rule only for those types.
 *
 * Load it with:  phiguard check --rules examples/custom-rule/object-lock-90-days.ts
 */
import type { PhiguardPolicy } from "phiguard";

const OBJECT_LOCK = "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration";
const MIN_DAYS = 90;

const objectLockAtLeast90Days: PhiguardPolicy = {
  name: "org-phi-object-lock-at-least-90-days",
  description: `PHI buckets lock object versions for at least ${MIN_DAYS} days (Object Lock default retention), so records cannot be deleted or overwritten sooner.`,
  enforcementLevel: "mandatory",
  hipaa: ["164.312(c)(1)", "164.308(a)(7)(ii)(A)"],
  remediation: `Give the PhiBucket \`objectLock: { mode: "GOVERNANCE", retentionDays: ${MIN_DAYS} }\` (or COMPLIANCE), or set \`rule.defaultRetention.days\` to ${MIN_DAYS} or more.`,
  resourceTypes: [OBJECT_LOCK],
  validateResource: (args, reportViolation) => {
    if (args.type !== OBJECT_LOCK) return;
    const retention = args.props.rule?.defaultRetention;
    if (!retention) {
      reportViolation("the bucket has Object Lock but no default retention.");
      return;
    }
    const days = typeof retention.years === "number" ? retention.years * 365 : retention.days;
    if (typeof days !== "number" || days < MIN_DAYS) {
      reportViolation(`default retention is ${days ?? "not set"} days; the organisation requires at least ${MIN_DAYS}.`);
    }
  },
};

// `--rules` takes `export default [...]`, `export default rule` or `export const rules = [...]`.
export default [objectLockAtLeast90Days];

/** AWS Backup vaults, plans and selections. */
export const VAULT = "aws:backup/vault:Vault";
export const VAULT_LOCK = "aws:backup/vaultLockConfiguration:VaultLockConfiguration";
export const PLAN = "aws:backup/plan:Plan";
export const SELECTION = "aws:backup/selection:Selection";

const HOURS_PER_DAY = 24;

/**
 * How many hours at most pass between two runs of a backup schedule expression, when that can be
 * read from it: `rate(...)` exactly, `cron(...)` as 24 when it runs every day (day-of-month and
 * day-of-week both unrestricted), else undefined (less often than daily, or not understood).
 */
export function scheduleIntervalHours(schedule: string): number | undefined {
  const rate = /^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/i.exec(schedule.trim());
  if (rate) {
    const n = Number(rate[1]);
    const unit = (rate[2] as string).toLowerCase();
    if (unit.startsWith("minute")) return n / 60;
    if (unit.startsWith("hour")) return n;
    return n * HOURS_PER_DAY;
  }
  const cron = /^cron\((.*)\)$/i.exec(schedule.trim());
  if (!cron) return undefined;
  const fields = (cron[1] as string).trim().split(/\s+/);
  if (fields.length !== 6) return undefined;
  const [, , dayOfMonth, month, dayOfWeek] = fields;
  const any = (f: string | undefined) => f === "*" || f === "?";
  return any(dayOfMonth) && any(month) && any(dayOfWeek) ? HOURS_PER_DAY : undefined;
}

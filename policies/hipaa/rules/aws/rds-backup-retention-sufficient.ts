import { CITES } from "../../controls";
import { hasValue, isPhi } from "./lib/props";
import { DB_CLUSTER, DB_INSTANCE, dbKind } from "./lib/rds";
import { resourceRule } from "./lib/rule";

const MINIMUM_DAYS = 7;
const PHI_MINIMUM_DAYS = 35;

export default resourceRule({
  name: "rds-backup-retention-sufficient",
  description:
    "RDS DB instances and clusters keep automated backups for at least 7 days, and 35 days (the RDS maximum) when tagged data-classification: phi.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.backup],
  remediation: "Use the `PhiDatabase` component (35 days by default), or set `backupRetentionPeriod: 35`.",
  controls: {
    awsConfig: ["DB_INSTANCE_BACKUP_ENABLED"],
    cdkNag: ["HIPAA.Security-RDSInstanceBackupEnabled"],
    checkov: ["CKV_AWS_133"],
  },
  resourceTypes: [DB_INSTANCE, DB_CLUSTER],
  check: (props, args, report) => {
    if (args.type === DB_INSTANCE && hasValue(props, "replicateSourceDb")) {
      args.notApplicable("read replicas take their backups from the source database");
    }
    const minimum = isPhi(props) ? PHI_MINIMUM_DAYS : MINIMUM_DAYS;
    const days = props.backupRetentionPeriod as number | undefined;
    if (days === undefined) {
      report(`the ${dbKind(args.type)} does not set backupRetentionPeriod (AWS defaults to 1 day); expected at least ${minimum}.`);
    } else if (days < minimum) {
      report(`backupRetentionPeriod is ${days}; expected at least ${minimum}${minimum === PHI_MINIMUM_DAYS ? " for a PHI database" : ""}.`);
    }
  },
});

import { CITES } from "../../controls";
import { isPhi } from "./lib/props";
import { REDSHIFT_CLUSTER } from "./lib/redshift";
import { resourceRule } from "./lib/rule";

const MINIMUM_DAYS = 7;
const PHI_MINIMUM_DAYS = 35;

export default resourceRule({
  name: "redshift-automated-snapshot-retention",
  description:
    "Redshift clusters keep automated snapshots for at least 7 days, and 35 days (the most Redshift allows) when tagged data-classification: phi (automatedSnapshotRetentionPeriod; the default is 1, and 0 turns snapshots off).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.backup],
  remediation: "Set `automatedSnapshotRetentionPeriod: 35` on the `aws.redshift.Cluster`.",
  controls: {
    awsConfig: ["REDSHIFT_BACKUP_ENABLED"],
    cdkNag: ["HIPAA.Security-RedshiftBackupEnabled"],
    checkov: ["CKV_AWS_343"],
  },
  resourceTypes: [REDSHIFT_CLUSTER],
  check: (props, _args, report) => {
    const minimum = isPhi(props) ? PHI_MINIMUM_DAYS : MINIMUM_DAYS;
    const days = props.automatedSnapshotRetentionPeriod as number | undefined;
    if (days === undefined) report(`automatedSnapshotRetentionPeriod is not set (Redshift keeps 1 day); expected at least ${minimum}.`);
    else if (days < minimum) report(`automatedSnapshotRetentionPeriod is ${days}; expected at least ${minimum}${minimum === PHI_MINIMUM_DAYS ? " for a PHI cluster" : ""}.`);
  },
});

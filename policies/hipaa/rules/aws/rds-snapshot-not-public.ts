import { CITES } from "../../controls";
import { arrayOf } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "rds-snapshot-not-public",
  description: "Manual RDS DB and cluster snapshots are not shared publicly (sharedAccounts does not contain \"all\").",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.notPublic],
  remediation: "Share snapshots only with named accounts (e.g. the backup account of `BackupPlan`): remove \"all\" from `sharedAccounts`.",
  controls: {
    awsConfig: ["RDS_SNAPSHOTS_PUBLIC_PROHIBITED"],
    checkov: ["CKV_AWS_302"],
  },
  resourceTypes: ["aws:rds/snapshot:Snapshot", "aws:rds/clusterSnapshot:ClusterSnapshot"],
  check: (props, _args, report) => {
    if (arrayOf<string>(props.sharedAccounts).some((a) => String(a).toLowerCase() === "all")) {
      report("sharedAccounts contains \"all\": anyone can copy and restore this snapshot.");
    }
  },
});

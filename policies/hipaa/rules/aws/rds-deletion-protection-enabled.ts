import { CITES } from "../../controls";
import { DB_CLUSTER, DB_INSTANCE, dbKind } from "./lib/rds";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "rds-deletion-protection-enabled",
  description: "RDS DB instances and clusters have deletion protection enabled.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.availability, "164.312(c)(1)"],
  remediation: "Use the `PhiDatabase` component, or set `deletionProtection: true`.",
  controls: {
    awsConfig: ["RDS_CLUSTER_DELETION_PROTECTION_ENABLED", "RDS_INSTANCE_DELETION_PROTECTION_ENABLED"],
    cdkNag: ["HIPAA.Security-RDSInstanceDeletionProtectionEnabled"],
    checkov: ["CKV_AWS_293", "CKV_AWS_139"],
  },
  resourceTypes: [DB_INSTANCE, DB_CLUSTER],
  check: (props, args, report) => {
    if (props.deletionProtection !== true) report(`the ${dbKind(args.type)} does not set deletionProtection: true.`);
  },
});

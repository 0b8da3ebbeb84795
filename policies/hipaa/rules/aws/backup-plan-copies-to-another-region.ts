import { CITES } from "../../controls";
import { PLAN } from "./lib/backup";
import { arrayOf, hasValue, type Props } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "backup-plan-copies-to-another-region",
  description:
    "Every rule of an AWS Backup plan copies its recovery points to a vault in another Region (copyActions), so backups survive the loss of a Region.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.backupPlan],
  remediation:
    "Use the `BackupPlan` component with a recovery region (it creates the destination vault and copy actions), or add `copyActions: [{ destinationVaultArn: drVault.arn }]` to each rule.",
  controls: {},
  resourceTypes: [PLAN],
  check: (props, _args, report) => {
    arrayOf<Props>(props.rules).forEach((rule, i) => {
      const copies = arrayOf<Props>(rule.copyActions).filter((c) => hasValue(c, "destinationVaultArn"));
      if (copies.length === 0) report(`rule '${rule.ruleName ?? i}' has no copyActions to another Region.`);
    });
  },
});

import { CLUSTER_INSTANCE, DB_INSTANCE, dbKind } from "./lib/rds";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "rds-auto-minor-version-upgrade-enabled",
  description: "RDS DB instances and cluster instances receive minor engine version upgrades (security patches) automatically.",
  enforcementLevel: "advisory",
  hipaa: ["164.308(a)(5)(ii)(A)", "164.308(a)(5)(ii)(B)"],
  remediation: "Use the `PhiDatabase` component, or remove `autoMinorVersionUpgrade: false`.",
  controls: {
    awsConfig: ["RDS_AUTOMATIC_MINOR_VERSION_UPGRADE_ENABLED"],
    cdkNag: ["HIPAA.Security-RDSAutomaticMinorVersionUpgradeEnabled"],
    checkov: ["CKV_AWS_226"],
    cis: ["AWS 3.0.0 2.3.2"],
  },
  resourceTypes: [DB_INSTANCE, CLUSTER_INSTANCE],
  check: (props, args, report) => {
    if (props.autoMinorVersionUpgrade === false) report(`the ${dbKind(args.type)} sets autoMinorVersionUpgrade: false.`);
  },
});

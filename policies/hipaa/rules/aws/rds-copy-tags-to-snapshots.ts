import { DB_CLUSTER, DB_INSTANCE, dbKind } from "./lib/rds";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "rds-copy-tags-to-snapshots",
  description:
    "RDS DB instances and clusters copy their tags (data-classification among them) to snapshots, so backups of PHI stay classified and tag-based backup and access policies apply to them.",
  enforcementLevel: "advisory",
  hipaa: ["164.308(a)(7)(ii)(A)", "164.312(a)(1)"],
  remediation: "Use the `PhiDatabase` component, or set `copyTagsToSnapshot: true`.",
  controls: {
    checkov: ["CKV2_AWS_60", "CKV_AWS_313"],
  },
  resourceTypes: [DB_INSTANCE, DB_CLUSTER],
  check: (props, args, report) => {
    if (props.copyTagsToSnapshot !== true) report(`the ${dbKind(args.type)} does not set copyTagsToSnapshot: true.`);
  },
});

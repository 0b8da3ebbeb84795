import { CITES } from "../../controls";
import { CLUSTER_INSTANCE, DB_INSTANCE, dbKind } from "./lib/rds";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "rds-not-publicly-accessible",
  description: "RDS DB instances and Aurora cluster instances are not publicly accessible.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.notPublic],
  remediation: "Use the `PhiDatabase` component (private subnets only), or remove `publiclyAccessible: true`.",
  controls: {
    awsConfig: ["RDS_INSTANCE_PUBLIC_ACCESS_CHECK"],
    cdkNag: ["HIPAA.Security-RDSInstancePublicAccess"],
    checkov: ["CKV_AWS_17"],
    cis: ["AWS 3.0.0 2.3.3"],
  },
  resourceTypes: [DB_INSTANCE, CLUSTER_INSTANCE],
  check: (props, args, report) => {
    if (props.publiclyAccessible === true) report(`the ${dbKind(args.type)} sets publiclyAccessible: true.`);
  },
});

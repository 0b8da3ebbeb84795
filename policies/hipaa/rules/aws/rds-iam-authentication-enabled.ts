import { DB_CLUSTER, DB_INSTANCE, dbKind, engineFamily } from "./lib/rds";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "rds-iam-authentication-enabled",
  description:
    "MySQL, MariaDB and PostgreSQL DB instances and clusters accept IAM database authentication, so people and services sign in with their own short-lived IAM identity instead of a shared password.",
  enforcementLevel: "advisory",
  hipaa: ["164.312(d)", "164.312(a)(2)(i)", "164.308(a)(4)(ii)(B)"],
  remediation: "Use the `PhiDatabase` component, or set `iamDatabaseAuthenticationEnabled: true`.",
  controls: {
    checkov: ["CKV_AWS_161", "CKV_AWS_162"],
  },
  resourceTypes: [DB_INSTANCE, DB_CLUSTER],
  check: (props, args, report) => {
    const family = engineFamily(props.engine);
    if (family !== "mysql" && family !== "postgres") {
      args.notApplicable(`IAM database authentication is not available for engine '${String(props.engine)}'`);
    }
    if (props.iamDatabaseAuthenticationEnabled !== true) report(`the ${dbKind(args.type)} does not set iamDatabaseAuthenticationEnabled: true.`);
  },
});

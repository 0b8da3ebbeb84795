import type { PolicyResource } from "@pulumi/policy";
import { CITES } from "../../controls";
import { arrayOf, hasValue, type Props } from "./lib/props";
import { CLUSTER_PARAMETER_GROUP, DB_CLUSTER, DB_INSTANCE, engineFamily, PARAMETER_GROUP } from "./lib/rds";
import { forEachDeferred, ofType, parentsOf } from "./lib/stack";
import { stackRule } from "./lib/rule";

/** The parameter that forces TLS, and the values that turn it on, per engine family. */
const FORCE_TLS: Readonly<Record<string, { name: string; values: string[] }>> = {
  postgres: { name: "rds.force_ssl", values: ["1"] },
  sqlserver: { name: "rds.force_ssl", values: ["1"] },
  mysql: { name: "require_secure_transport", values: ["1", "on"] },
};

function forcesTls(group: PolicyResource, parameter: { name: string; values: string[] }): boolean {
  return arrayOf<Props>(group.props.parameters).some(
    (p) => String(p.name).toLowerCase() === parameter.name && parameter.values.includes(String(p.value).toLowerCase()),
  );
}

export default stackRule({
  name: "rds-require-tls-connections",
  description:
    "RDS databases refuse unencrypted connections: the (cluster) parameter group of every DB instance and DB cluster sets rds.force_ssl = 1 (PostgreSQL, SQL Server) or require_secure_transport = ON (MySQL, MariaDB).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.inTransit],
  remediation:
    "Use the `PhiDatabase` component (its parameter group forces TLS), or give the cluster an `aws.rds.ClusterParameterGroup` (the instance an `aws.rds.ParameterGroup`) with `rds.force_ssl` = 1 or `require_secure_transport` = ON, referenced by `dbClusterParameterGroupName` / `parameterGroupName`.",
  controls: {
    checkov: ["CKV2_AWS_69"],
  },
  resourceTypes: [DB_INSTANCE, DB_CLUSTER],
  check: (args, report) => {
    const check = (db: PolicyResource, property: string, groupType: string) => {
      const family = engineFamily(db.props.engine);
      const parameter = FORCE_TLS[family];
      if (!parameter) return; // Oracle and Db2 enforce TLS through option groups / listeners, not parameters
      if (!hasValue(db.props, property)) {
        report(`no ${property} is set, so the default parameter group applies and ${parameter.name} is not enforced.`, db.urn);
        return;
      }
      const groups = parentsOf(args.resources, db, property, groupType, ["name"]);
      if (groups.length === 0) {
        report(`the parameter group in ${property} is not defined in this stack, so ${parameter.name} cannot be verified.`, db.urn);
        return;
      }
      if (!groups.some((g) => forcesTls(g, parameter))) {
        report(`parameter group '${groups[0]?.name}' does not set ${parameter.name} to ${parameter.values.join(" / ")}.`, db.urn);
      }
    };
    forEachDeferred(ofType(args.resources, DB_CLUSTER, DB_INSTANCE), (db) =>
      db.type === DB_CLUSTER
        ? check(db, "dbClusterParameterGroupName", CLUSTER_PARAMETER_GROUP)
        : check(db, "parameterGroupName", PARAMETER_GROUP),
    );
  },
});

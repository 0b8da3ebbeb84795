import { CITES } from "../../controls";
import { hasValue } from "./lib/props";
import { CLUSTER_INSTANCE, DB_CLUSTER, DB_INSTANCE } from "./lib/rds";
import { childrenOf, forEachDeferred, ofType } from "./lib/stack";
import { stackRule } from "./lib/rule";

export default stackRule({
  name: "rds-multi-az-enabled",
  description:
    "RDS databases survive the loss of an Availability Zone: DB instances set multiAz, Aurora clusters have at least two cluster instances (a writer and a reader in another AZ), Multi-AZ DB clusters qualify as they are.",
  enforcementLevel: "advisory",
  hipaa: [...CITES.availability],
  remediation:
    "Use the `PhiDatabase` component (two instances across AZs by default), or set `multiAz: true` on the `aws.rds.Instance` / add a second `aws.rds.ClusterInstance` with `clusterIdentifier: cluster.id`.",
  controls: {
    awsConfig: ["RDS_MULTI_AZ_SUPPORT", "RDS_CLUSTER_MULTI_AZ_ENABLED"],
    cdkNag: ["HIPAA.Security-RDSMultiAZSupport"],
    checkov: ["CKV_AWS_157"],
  },
  resourceTypes: [DB_INSTANCE, DB_CLUSTER],
  check: (args, report) => {
    forEachDeferred(ofType(args.resources, DB_INSTANCE, DB_CLUSTER), (db) => {
      if (db.type === DB_INSTANCE) {
        if (hasValue(db.props, "replicateSourceDb")) return;
        if (db.props.multiAz !== true) report("the DB instance does not set multiAz: true.", db.urn);
        return;
      }
      const cluster = db;
      if (hasValue(cluster.props, "dbClusterInstanceClass")) return; // a Multi-AZ DB cluster: three AZs by design
      const members = childrenOf(args.resources, cluster, CLUSTER_INSTANCE, "clusterIdentifier", ["clusterIdentifier"]);
      if (members.length < 2) {
        report(`the cluster has ${members.length} cluster instance${members.length === 1 ? "" : "s"}; expected at least 2 so a reader in another AZ can take over.`, cluster.urn);
      }
    });
  },
});

import { CITES } from "../../controls";
import { arrayOf, isPhi, type Props } from "./lib/props";
import { childrenOf, forEachDeferred, ofType } from "./lib/stack";
import { stackRule } from "./lib/rule";

const TABLE = "aws:dynamodb/table:Table";
const TABLE_REPLICA = "aws:dynamodb/tableReplica:TableReplica";

export default stackRule({
  name: "dynamodb-table-replicated-for-phi",
  description:
    "DynamoDB tables tagged data-classification: phi are global tables with a replica in another region (replicas, or an aws.dynamodb.TableReplica whose globalTableArn names the table), so a regional outage does not make the PHI unavailable.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.backup, "164.308(a)(7)(ii)(C)"],
  remediation:
    "Use the `PhiTable` component without `skipReplication` (replicas in the `EnvelopeKey`'s other regions), or set `replicas: [{ regionName: \"us-west-2\", kmsKeyArn: replicaKey.arn, pointInTimeRecovery: true }]` on the `aws.dynamodb.Table`.",
  controls: {},
  resourceTypes: [TABLE],
  check: (args, report) => {
    forEachDeferred(ofType(args.resources, TABLE), (table) => {
      if (!isPhi(table.props)) return;
      if (arrayOf<Props>(table.props.replicas).length > 0) return;
      if (childrenOf(args.resources, table, TABLE_REPLICA, "globalTableArn").length > 0) return;
      report("the PHI table has no replica in another region (no replicas and no aws.dynamodb.TableReplica).", table.urn);
    });
  },
});

import { CITES } from "../../controls";
import { childrenOf, forEachDeferred, ofType } from "./lib/stack";
import { stackRule } from "./lib/rule";

const TABLE = "aws:dynamodb/table:Table";
const SCALING_TARGET = "aws:appautoscaling/target:Target";

export default stackRule({
  name: "dynamodb-table-on-demand-or-autoscaled",
  description:
    "DynamoDB tables either bill on demand (PAY_PER_REQUEST) or have Application Auto Scaling targets, so a surge of requests does not throttle access to PHI.",
  enforcementLevel: "advisory",
  hipaa: [...CITES.availability],
  remediation:
    "Use the `PhiTable` component (on-demand by default), or set `billingMode: \"PAY_PER_REQUEST\"`, or add `aws.appautoscaling.Target`s whose `resourceId` is built from the table's name.",
  controls: {
    awsConfig: ["DYNAMODB_AUTOSCALING_ENABLED"],
    cdkNag: ["HIPAA.Security-DynamoDBAutoScalingEnabled"],
    checkov: ["CKV2_AWS_16"],
  },
  resourceTypes: [TABLE],
  check: (args, report) => {
    forEachDeferred(ofType(args.resources, TABLE), (table) => {
      if (table.props.billingMode === "PAY_PER_REQUEST") return;
      if (childrenOf(args.resources, table, SCALING_TARGET, "resourceId", ["name"]).length > 0) return;
      report("the table has provisioned capacity and no auto scaling target.", table.urn);
    });
  },
});

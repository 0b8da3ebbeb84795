import type * as aws from "@pulumi/aws";
import { CITES } from "../../controls";
import type { Inputs } from "./lib/rule";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "dynamodb-point-in-time-recovery-enabled",
  description: "DynamoDB tables have point-in-time recovery enabled.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.backup],
  remediation: "Use the `PhiTable` component, or set `pointInTimeRecovery: { enabled: true }`.",
  controls: {
    awsConfig: ["DYNAMODB_PITR_ENABLED"],
    cdkNag: ["HIPAA.Security-DynamoDBPITREnabled"],
    checkov: ["CKV_AWS_28"],
  },
  resourceTypes: ["aws:dynamodb/table:Table"],
  check: (props, _args, report) => {
    if ((props as Inputs<aws.dynamodb.TableArgs>).pointInTimeRecovery?.enabled !== true) {
      report("pointInTimeRecovery is not enabled.");
    }
  },
});

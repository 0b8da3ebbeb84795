import type * as aws from "@pulumi/aws";
import { CITES } from "../../controls";
import type { Inputs } from "./lib/rule";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "dynamodb-deletion-protection-enabled",
  description: "DynamoDB tables have deletion protection enabled.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.availability, "164.312(c)(1)"],
  remediation: "Use the `PhiTable` component, or set `deletionProtectionEnabled: true`.",
  controls: {},
  resourceTypes: ["aws:dynamodb/table:Table"],
  check: (props, _args, report) => {
    if ((props as Inputs<aws.dynamodb.TableArgs>).deletionProtectionEnabled !== true) {
      report("deletionProtectionEnabled is not true.");
    }
  },
});

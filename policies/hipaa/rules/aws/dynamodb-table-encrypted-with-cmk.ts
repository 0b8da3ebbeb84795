import type * as aws from "@pulumi/aws";
import { CITES } from "../../controls";
import { customerKeyProblem } from "./lib/props";
import type { Inputs } from "./lib/rule";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "dynamodb-table-encrypted-with-cmk",
  description:
    "DynamoDB tables are encrypted with a customer managed KMS key (serverSideEncryption enabled with kmsKeyArn), not the AWS owned or AWS managed key.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest],
  remediation: "Use the `PhiTable` component, or set `serverSideEncryption: { enabled: true, kmsKeyArn: key.arn }`.",
  controls: {
    awsConfig: ["DYNAMODB_TABLE_ENCRYPTED_KMS"],
    checkov: ["CKV_AWS_119"],
  },
  resourceTypes: ["aws:dynamodb/table:Table"],
  check: (props, _args, report) => {
    const sse = (props as Inputs<aws.dynamodb.TableArgs>).serverSideEncryption;
    if (sse?.enabled !== true) {
      report("serverSideEncryption is not enabled, so the table uses an AWS owned key.");
      return;
    }
    const problem = customerKeyProblem(sse, "kmsKeyArn");
    if (problem) report(`serverSideEncryption: ${problem} (the AWS managed key aws/dynamodb is used).`);
  },
});

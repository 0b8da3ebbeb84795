import { CITES } from "../../controls";
import { customerKeyProblem } from "./lib/props";
import { CLUSTER_INSTANCE, DB_CLUSTER, DB_INSTANCE } from "./lib/rds";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "rds-performance-insights-encrypted-with-cmk",
  description:
    "Where Performance Insights is enabled (it stores query text, which may contain PHI), its data is encrypted with a customer managed KMS key.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest],
  remediation: "Use the `PhiDatabase` component, or set `performanceInsightsKmsKeyId: key.arn` next to `performanceInsightsEnabled: true`.",
  controls: {
    checkov: ["CKV_AWS_354"],
  },
  resourceTypes: [DB_INSTANCE, DB_CLUSTER, CLUSTER_INSTANCE],
  check: (props, args, report) => {
    if (props.performanceInsightsEnabled !== true) args.notApplicable("Performance Insights is not enabled");
    const problem = customerKeyProblem(props, "performanceInsightsKmsKeyId");
    if (problem) report(`Performance Insights is enabled but ${problem}.`);
  },
});

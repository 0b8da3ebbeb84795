import { INSTANCE, LAUNCH_TYPES, launchKind } from "./lib/ec2";
import { hasValue } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "ec2-metadata-hop-limit-one",
  description:
    "The instance metadata response hop limit is 1, so containers on the instance cannot reach the node's IAM credentials through IMDS.",
  enforcementLevel: "advisory",
  hipaa: ["164.312(a)(1)", "164.308(a)(4)(ii)(B)"],
  remediation:
    "Use the node-group launch templates of `SecureCluster` (hop limit 1; pods get credentials from EKS Pod Identity), or set `metadataOptions.httpPutResponseHopLimit: 1`.",
  controls: {
    checkov: ["CKV_AWS_341"],
  },
  resourceTypes: LAUNCH_TYPES,
  check: (props, args, report) => {
    if (args.type === INSTANCE && hasValue(props, "launchTemplate") && !hasValue(props, "metadataOptions")) {
      args.notApplicable("the instance takes its metadata options from its launch template, which this rule checks");
    }
    const options = props.metadataOptions as { httpPutResponseHopLimit?: number; httpEndpoint?: string } | undefined;
    if (options?.httpEndpoint === "disabled") return;
    const limit = options?.httpPutResponseHopLimit;
    if (limit !== undefined && limit > 1) {
      report(`the ${launchKind(args.type)} sets metadataOptions.httpPutResponseHopLimit to ${limit}; expected 1.`);
    }
  },
});

import { CITES } from "../../controls";
import { INSTANCE, LAUNCH_TYPES, launchKind } from "./lib/ec2";
import { hasValue } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "ec2-imdsv2-required",
  description:
    "EC2 instances, launch templates and launch configurations require IMDSv2 session tokens (metadataOptions.httpTokens: required), which blocks SSRF-style theft of instance credentials.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.notPublic.filter((p) => p !== "164.312(e)(1)")],
  remediation:
    "Run nodes through the node groups of `SecureCluster`, whose launch templates require IMDSv2; or set `metadataOptions: { httpTokens: \"required\" }`.",
  controls: {
    awsConfig: ["EC2_IMDSV2_CHECK"],
    cdkNag: ["HIPAA.Security-EC2IMDSv2Enabled"],
    checkov: ["CKV_AWS_79"],
    cis: ["AWS 3.0.0 5.6"],
  },
  resourceTypes: LAUNCH_TYPES,
  check: (props, args, report) => {
    if (args.type === INSTANCE && hasValue(props, "launchTemplate") && !hasValue(props, "metadataOptions")) {
      args.notApplicable("the instance takes its metadata options from its launch template, which this rule checks");
    }
    const options = props.metadataOptions as { httpTokens?: string; httpEndpoint?: string } | undefined;
    if (options?.httpEndpoint === "disabled") return;
    if (options?.httpTokens !== "required") {
      report(`the ${launchKind(args.type)} does not set metadataOptions.httpTokens to 'required', so IMDSv1 stays available.`);
    }
  },
});

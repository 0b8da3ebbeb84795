import { CITES } from "../../controls";
import { INSTANCE, LAUNCH_TEMPLATE, launchKind } from "./lib/ec2";
import { hasValue } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "ec2-instance-profile-attached",
  description:
    "EC2 instances and launch templates attach an IAM instance profile, so software on them uses short-lived role credentials instead of stored access keys.",
  enforcementLevel: "advisory",
  hipaa: [...CITES.leastPrivilege.filter((p) => p !== "164.308(a)(3)(ii)(B)" && p !== "164.308(a)(4)(i)")],
  remediation: "Use the `WorkloadBaseline` component (instance role with SSM access), or set `iamInstanceProfile`.",
  controls: {
    awsConfig: ["EC2_INSTANCE_PROFILE_ATTACHED"],
    cdkNag: ["HIPAA.Security-EC2InstanceProfileAttached"],
    checkov: ["CKV2_AWS_41"],
  },
  resourceTypes: [INSTANCE, LAUNCH_TEMPLATE],
  check: (props, args, report) => {
    if (args.type === INSTANCE && hasValue(props, "launchTemplate") && !hasValue(props, "iamInstanceProfile")) {
      args.notApplicable("the instance takes its instance profile from its launch template");
    }
    const set =
      args.type === LAUNCH_TEMPLATE
        ? hasValue(props, "iamInstanceProfile") && (hasValue(props.iamInstanceProfile, "arn") || hasValue(props.iamInstanceProfile, "name"))
        : hasValue(props, "iamInstanceProfile");
    if (!set) report(`the ${launchKind(args.type)} has no IAM instance profile.`);
  },
});

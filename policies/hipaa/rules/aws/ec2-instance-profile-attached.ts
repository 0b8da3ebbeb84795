import { CITES } from "../../controls";
import { INSTANCE, launchKind } from "./lib/ec2";
import { hasValue } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "ec2-instance-profile-attached",
  description:
    "EC2 instances attach an IAM instance profile, so software on them uses short-lived role credentials instead of stored access keys. (Launch templates are not checked: EKS managed node groups, such as `SecureCluster`'s, reject templates that set a profile and attach the node role themselves.)",
  enforcementLevel: "advisory",
  hipaa: [...CITES.leastPrivilege.filter((p) => p !== "164.308(a)(3)(ii)(B)" && p !== "164.308(a)(4)(i)")],
  remediation: "Set `iamInstanceProfile` on the `aws.ec2.Instance` to a profile of a least-privilege role (for containers, run them on `SecureCluster` node groups instead).",
  controls: {
    awsConfig: ["EC2_INSTANCE_PROFILE_ATTACHED"],
    cdkNag: ["HIPAA.Security-EC2InstanceProfileAttached"],
    checkov: ["CKV2_AWS_41"],
  },
  resourceTypes: [INSTANCE],
  check: (props, args, report) => {
    if (args.type === INSTANCE && hasValue(props, "launchTemplate") && !hasValue(props, "iamInstanceProfile")) {
      args.notApplicable("the instance takes its instance profile from its launch template");
    }
    if (!hasValue(props, "iamInstanceProfile")) report(`the ${launchKind(args.type)} has no IAM instance profile.`);
  },
});

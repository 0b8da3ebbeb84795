import { CITES } from "../../controls";
import { V2_LOAD_BALANCERS } from "./lib/elb";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "elb-deletion-protection-enabled",
  description: "Application, network and gateway load balancers have deletion protection enabled.",
  enforcementLevel: "advisory",
  hipaa: [...CITES.availability],
  remediation: "Use the `SecureWorkload` component, or set `enableDeletionProtection: true` on the load balancer.",
  controls: {
    awsConfig: ["ELB_DELETION_PROTECTION_ENABLED"],
    cdkNag: ["HIPAA.Security-ELBDeletionProtectionEnabled"],
    checkov: ["CKV_AWS_150"],
  },
  resourceTypes: V2_LOAD_BALANCERS,
  check: (props, _args, report) => {
    if (props.enableDeletionProtection !== true) report("enableDeletionProtection is not true.");
  },
});

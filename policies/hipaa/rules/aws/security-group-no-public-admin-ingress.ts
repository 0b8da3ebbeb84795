import { CITES } from "../../controls";
import { ADMIN_PORTS, describePorts, isOpenToWorld, opensPort, SECURITY_GROUP_TYPES, securityGroupIngress } from "./lib/network";
import { listing } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "security-group-no-public-admin-ingress",
  description: `Security groups do not allow inbound traffic from 0.0.0.0/0 or ::/0 to remote administration or database ports (${ADMIN_PORTS.join(", ")}).`,
  enforcementLevel: "mandatory",
  hipaa: [...CITES.restrictedIngress],
  remediation:
    "Reach instances through SSM Session Manager instead of opening SSH/RDP; allow database ports only from the application's security group (as `PhiDatabase` does); remove the 0.0.0.0/0 / ::/0 source from the rule.",
  controls: {
    awsConfig: ["INCOMING_SSH_DISABLED", "RESTRICTED_INCOMING_TRAFFIC"],
    cdkNag: ["HIPAA.Security-EC2RestrictedSSH", "HIPAA.Security-EC2RestrictedCommonPorts"],
    checkov: ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_277"],
    cis: ["AWS 3.0.0 5.2", "AWS 3.0.0 5.3"],
  },
  resourceTypes: SECURITY_GROUP_TYPES,
  check: (props, args, report) => {
    for (const ingress of securityGroupIngress(args.type, props)) {
      if (!isOpenToWorld(ingress)) continue;
      const open = ADMIN_PORTS.filter((port) => opensPort(ingress, port));
      if (open.length > 0) {
        report(`${ingress.where} allows ${describePorts(ingress)} from the internet, including admin/database port${open.length > 1 ? "s" : ""} ${listing(open)}.`);
      }
    }
  },
});

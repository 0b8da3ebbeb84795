import { CITES } from "../../controls";
import { describePorts, isOpenToWorld, NETWORK_ACL_TYPES, networkAclIngress, opensPort } from "./lib/network";
import { listing } from "./lib/props";
import { resourceRule } from "./lib/rule";

const REMOTE_ADMIN_PORTS = [22, 3389];

export default resourceRule({
  name: "network-acl-no-public-admin-ingress",
  description: "Network ACLs do not allow inbound traffic from 0.0.0.0/0 or ::/0 to the remote administration ports 22 and 3389.",
  enforcementLevel: "advisory",
  hipaa: [...CITES.restrictedIngress],
  remediation:
    "Use the `MultiRegionNetwork` component's network ACLs, or narrow the allow entry (e.g. return traffic on 32768-65535 only) so that it excludes ports 22 and 3389.",
  controls: {
    checkov: ["CKV_AWS_231", "CKV_AWS_232"],
    cis: ["AWS 3.0.0 5.1"],
  },
  resourceTypes: NETWORK_ACL_TYPES,
  check: (props, args, report) => {
    for (const ingress of networkAclIngress(args.type, props)) {
      if (!isOpenToWorld(ingress)) continue;
      const open = REMOTE_ADMIN_PORTS.filter((port) => opensPort(ingress, port));
      if (open.length > 0) report(`${ingress.where} allows ${describePorts(ingress)} from the internet, including port${open.length > 1 ? "s" : ""} ${listing(open)}.`);
    }
  },
});

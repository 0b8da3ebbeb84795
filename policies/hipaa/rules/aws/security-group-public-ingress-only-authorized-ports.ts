import { describePorts, isOpenToWorld, SECURITY_GROUP_TYPES, securityGroupIngress } from "./lib/network";
import { listing } from "./lib/props";
import { resourceRule } from "./lib/rule";

interface Config {
  readonly authorizedTcpPorts: number[];
}

export default resourceRule({
  name: "security-group-public-ingress-only-authorized-ports",
  description:
    "Security group rules open to 0.0.0.0/0 or ::/0 allow only authorized TCP ports (by default 443, and 80 for the redirect to HTTPS).",
  enforcementLevel: "mandatory",
  hipaa: ["164.312(e)(1)", "164.312(a)(1)", "164.308(a)(4)(ii)(C)"],
  remediation:
    "Expose workloads only through the HTTPS load balancer of the `SecureWorkload` component; restrict other rules to known CIDRs or security groups; or list the port in this rule's `authorizedTcpPorts` config.",
  controls: {
    awsConfig: ["VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS"],
    checkov: ["CKV_AWS_260", "CKV_AWS_277"],
  },
  resourceTypes: SECURITY_GROUP_TYPES,
  configSchema: {
    properties: {
      authorizedTcpPorts: {
        type: "array",
        items: { type: "integer", minimum: 0, maximum: 65535 },
        default: [80, 443],
        description: "TCP ports that may be open to 0.0.0.0/0 and ::/0.",
      },
    },
  },
  check: (props, args, report) => {
    const authorized = new Set(args.getConfig<Config>().authorizedTcpPorts ?? [80, 443]);
    for (const ingress of securityGroupIngress(args.type, props)) {
      if (!isOpenToWorld(ingress)) continue;
      const withinAuthorized =
        ingress.protocol === "tcp" &&
        ingress.toPort - ingress.fromPort < 1024 &&
        Array.from({ length: ingress.toPort - ingress.fromPort + 1 }, (_, i) => ingress.fromPort + i).every((p) => authorized.has(p));
      if (!withinAuthorized) {
        report(`${ingress.where} allows ${describePorts(ingress)} from the internet; only TCP ${listing([...authorized].sort((a, b) => a - b))} may be open to it.`);
      }
    }
  },
});

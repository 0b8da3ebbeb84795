import { CITES } from "../../controls";
import { ENCRYPTED_PROTOCOLS, listenerProtocol, TLS12_POLICY, V2_LISTENERS } from "./lib/elb";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "elb-listener-tls-1-2-policy",
  description:
    "HTTPS and TLS listeners use a predefined security policy whose minimum is TLS 1.2, e.g. ELBSecurityPolicy-TLS13-1-2-2021-06 (set explicitly: the default policy of older listeners allows TLS 1.0).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.inTransit],
  remediation:
    "Use the `SecureWorkload` component, or set `sslPolicy: \"ELBSecurityPolicy-TLS13-1-2-2021-06\"` (or another TLS 1.2+ policy) on the listener.",
  controls: {
    awsConfig: ["ELB_PREDEFINED_SECURITY_POLICY_SSL_CHECK"],
    checkov: ["CKV_AWS_103"],
  },
  resourceTypes: V2_LISTENERS,
  check: (props, args, report) => {
    if (!ENCRYPTED_PROTOCOLS.includes(listenerProtocol(props))) args.notApplicable("the listener does not terminate TLS");
    const policy = props.sslPolicy as string | undefined;
    if (policy === undefined) report("no sslPolicy is set, so the provider's default policy applies; expected a TLS 1.2+ policy.");
    else if (!TLS12_POLICY.test(policy)) report(`sslPolicy '${policy}' allows protocols older than TLS 1.2.`);
  },
});

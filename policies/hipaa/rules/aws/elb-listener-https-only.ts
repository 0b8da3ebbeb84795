import { CITES } from "../../controls";
import { CLASSIC_LB, ENCRYPTED_PROTOCOLS, listenerProtocol, PASS_THROUGH_PROTOCOLS, V2_LISTENERS } from "./lib/elb";
import { arrayOf, type Props } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "elb-listener-https-only",
  description:
    "Load balancer listeners accept only encrypted connections: HTTPS/TLS listeners, or HTTP listeners whose every default action redirects to HTTPS. Classic Load Balancer listeners use HTTPS or SSL.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.inTransit],
  remediation:
    "Use the `SecureWorkload` component (HTTPS listener with an ACM certificate, port 80 redirects), or set `protocol: \"HTTPS\"` with `certificateArn`, or make the HTTP listener's default action `{ type: \"redirect\", redirect: { protocol: \"HTTPS\", port: \"443\", statusCode: \"HTTP_301\" } }`.",
  controls: {
    awsConfig: ["ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK", "ELB_TLS_HTTPS_LISTENERS_ONLY"],
    cdkNag: ["HIPAA.Security-ALBHttpToHttpsRedirection", "HIPAA.Security-ELBTlsHttpsListenersOnly"],
    checkov: ["CKV_AWS_2", "CKV2_AWS_20", "CKV_AWS_127"],
  },
  resourceTypes: [...V2_LISTENERS, CLASSIC_LB],
  check: (props, args, report) => {
    if (args.type === CLASSIC_LB) {
      arrayOf<Props>(props.listeners).forEach((l, i) => {
        const protocol = String(l.lbProtocol).toUpperCase();
        if (protocol !== "HTTPS" && protocol !== "SSL") report(`listeners[${i}] uses ${protocol}; expected HTTPS or SSL.`);
      });
      return;
    }
    const protocol = listenerProtocol(props);
    if (ENCRYPTED_PROTOCOLS.includes(protocol)) return;
    if (PASS_THROUGH_PROTOCOLS.includes(protocol)) {
      args.notApplicable(`a ${protocol} listener passes connections through; encryption is the target's`);
    }
    const actions = arrayOf<Props>(props.defaultActions);
    const redirects = actions.length > 0 && actions.every((a) => a.type === "redirect" && String(a.redirect?.protocol).toUpperCase() === "HTTPS");
    if (!redirects) report(`the listener accepts ${protocol} without redirecting to HTTPS.`);
  },
});

import type { PolicyResource } from "@pulumi/policy";
import { CITES } from "../../controls";
import { CLASSIC_LB, ENCRYPTED_PROTOCOLS, listenerProtocol, V2_LISTENERS } from "./lib/elb";
import { arrayOf, hasValue, peekString, type Props } from "./lib/props";
import { forEachDeferred, ofType } from "./lib/stack";
import { stackRule } from "./lib/rule";

const ACM_TYPES = ["aws:acm/certificate:Certificate", "aws:acm/certificateValidation:CertificateValidation"];

/** Whether the certificate input names an ACM certificate: by the resource it came from, or a literal ACM ARN. */
function isAcm(resource: PolicyResource, property: string, literal: string | undefined): boolean {
  const sources = resource.propertyDependencies[property] ?? [];
  if (sources.length > 0) return sources.some((s) => ACM_TYPES.includes(s.type));
  return literal !== undefined && /^arn:aws[a-z-]*:acm:/.test(literal);
}

export default stackRule({
  name: "elb-listener-uses-acm-certificate",
  description: "TLS-terminating load balancer listeners use certificates from AWS Certificate Manager, which renews them automatically.",
  enforcementLevel: "advisory",
  hipaa: [...CITES.encryptionAtRest, "164.312(e)(1)"],
  remediation:
    "Use the `SecureWorkload` component (it requests and validates an ACM certificate), or set `certificateArn` from an `aws.acm.Certificate` / `aws.acm.CertificateValidation`.",
  controls: {
    awsConfig: ["ELBV2_ACM_CERTIFICATE_REQUIRED", "ELB_ACM_CERTIFICATE_REQUIRED"],
    cdkNag: ["HIPAA.Security-ELBv2ACMCertificateRequired", "HIPAA.Security-ELBACMCertificateRequired"],
  },
  resourceTypes: [...V2_LISTENERS, CLASSIC_LB],
  check: (args, report) => {
    forEachDeferred(ofType(args.resources, ...V2_LISTENERS, CLASSIC_LB), (resource) => {
      if (resource.type === CLASSIC_LB) {
        const listeners = arrayOf<Props>(resource.props.listeners);
        listeners.forEach((l, i) => {
          if (!hasValue(l, "sslCertificateId")) return;
          const literal = peekString(l, "sslCertificateId");
          if (!isAcm(resource, "listeners", literal)) report(`listeners[${i}] uses a certificate that is not from ACM.`, resource.urn);
        });
        return;
      }
      if (!ENCRYPTED_PROTOCOLS.includes(listenerProtocol(resource.props))) return;
      if (!hasValue(resource.props, "certificateArn")) {
        report("the TLS listener sets no certificateArn.", resource.urn);
        return;
      }
      if (!isAcm(resource, "certificateArn", peekString(resource.props, "certificateArn"))) {
        report("the listener's certificate is not from ACM (an IAM server certificate or another source).", resource.urn);
      }
    });
  },
});

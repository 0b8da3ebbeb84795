import type { ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import { asArray, asObject, asStrings, resourceRule } from "./support";

export const INGRESS_TYPES: readonly string[] = [
  "kubernetes:networking.k8s.io/v1:Ingress",
  "kubernetes:networking.k8s.io/v1beta1:Ingress",
  "kubernetes:extensions/v1beta1:Ingress",
];

const ALB_CERTIFICATE = "alb.ingress.kubernetes.io/certificate-arn";
const ALB_LISTEN_PORTS = "alb.ingress.kubernetes.io/listen-ports";
const ALB_SSL_REDIRECT = "alb.ingress.kubernetes.io/ssl-redirect";

/** True when a TLS host entry (possibly `*.example.com`) covers the host. */
export function coversHost(tlsHost: string, host: string): boolean {
  const h = host.toLowerCase();
  const t = tlsHost.toLowerCase();
  if (t === h) return true;
  if (!t.startsWith("*.")) return false;
  const suffix = t.slice(1); // ".example.com"
  return h.endsWith(suffix) && !h.slice(0, -suffix.length).includes(".") && h.length > suffix.length;
}

/** The listener protocols of `alb.ingress.kubernetes.io/listen-ports` (`[{"HTTPS": 443}]`). */
function albListenProtocols(value: unknown): string[] | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return asArray(parsed).flatMap((entry) => Object.keys(asObject(entry) ?? {}));
  } catch {
    return undefined;
  }
}

/** No Checkov check and no CIS EKS item (catalog K25); CIS EKS 5.4.5 covers the load balancer side. */
export default resourceRule({
  name: "k8s-ingress-tls",
  description:
    "Ingresses must terminate TLS for every host they route: spec.tls lists each host of spec.rules (or, with the AWS Load Balancer Controller, an ACM certificate annotation with HTTPS-only or redirecting listeners), so ePHI never crosses the network in clear text.",
  hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
  controls: { cis: ["5.4.5"] },
  remediation:
    "Add `spec.tls: [{ hosts: [...every rule host], secretName }]` (e.g. a cert-manager certificate), or for an ALB set `alb.ingress.kubernetes.io/certificate-arn` with `listen-ports: '[{\"HTTPS\":443}]'` (or `ssl-redirect: \"443\"`). phiguard's `SecureWorkload` creates its Ingress with TLS for every host.",
  enforcementLevel: "mandatory",
  resourceTypes: INGRESS_TYPES,
  validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    const annotations = asObject(asObject(args.props.metadata)?.annotations) ?? {};
    const spec = asObject(args.props.spec) ?? {};
    if (annotations[ALB_CERTIFICATE] !== undefined) {
      const protocols = albListenProtocols(annotations[ALB_LISTEN_PORTS]);
      const plainHttp = protocols === undefined ? annotations[ALB_LISTEN_PORTS] === undefined : protocols.includes("HTTP");
      // The controller's default listener is HTTP:80 even with a certificate, unless told otherwise.
      if (plainHttp && annotations[ALB_SSL_REDIRECT] === undefined) {
        reportViolation(
          `The ALB has a certificate but also a plain HTTP listener (${ALB_LISTEN_PORTS} ${protocols === undefined ? "not set, default HTTP:80" : "includes HTTP"}) without ${ALB_SSL_REDIRECT}.`,
        );
      }
      return;
    }
    const tls = asArray(spec.tls).map((t) => asObject(t) ?? {});
    const tlsHosts = tls.flatMap((t) => asStrings(t.hosts));
    const rules = asArray(spec.rules).map((r) => asObject(r) ?? {});
    if (tls.length === 0) {
      reportViolation("spec.tls is not set: every host is served over plain HTTP.");
      return;
    }
    rules.forEach((r, i) => {
      const host = r.host;
      if (typeof host !== "string" || host === "") return; // a catch-all rule uses the default certificate
      if (!tlsHosts.some((t) => coversHost(t, host))) {
        reportViolation(`spec.rules[${i}] host "${host}" is not listed in any spec.tls[].hosts.`);
      }
    });
  },
});

import type { ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import { asArray, asObject, resourceRule } from "./support";

const SERVICE_TYPE = "kubernetes:core/v1:Service";
const A = "service.beta.kubernetes.io/";
const SCHEME = `${A}aws-load-balancer-scheme`;
const INTERNAL = `${A}aws-load-balancer-internal`;
const SSL_CERT = `${A}aws-load-balancer-ssl-cert`;
const SSL_PORTS = `${A}aws-load-balancer-ssl-ports`;

interface Config {
  /** @default false: an internal load balancer may carry plain TCP inside the VPC. */
  readonly requireTlsForInternal?: boolean;
}

/** True when the AWS annotations make the load balancer internal. */
function isInternal(annotations: Record<string, unknown>): boolean {
  if (annotations[SCHEME] === "internal") return true;
  const legacy = annotations[INTERNAL];
  return annotations[SCHEME] === undefined && (legacy === "true" || legacy === true || legacy === "0.0.0.0/0");
}

/** The ports of the Service that the ssl-ports annotation leaves without TLS. */
function portsWithoutTls(annotations: Record<string, unknown>, ports: Record<string, unknown>[]): string[] {
  const raw = annotations[SSL_PORTS];
  if (raw === undefined || raw === "*") return [];
  const listed = new Set(
    String(raw)
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== ""),
  );
  if (listed.has("*")) return [];
  return ports
    .filter((p) => !listed.has(String(p.port)) && !(typeof p.name === "string" && listed.has(p.name)))
    .map((p) => String(p.name ?? p.port));
}

/** CIS EKS 5.4.5 (catalog K6). */
export default resourceRule({
  name: "k8s-load-balancer-service-tls-or-internal",
  description:
    "A Service of type LoadBalancer must either be internal (aws-load-balancer-scheme: internal) or terminate TLS on every port (aws-load-balancer-ssl-cert with aws-load-balancer-ssl-ports covering all ports), so ePHI never reaches the internet in clear text.",
  hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
  controls: { cis: ["5.4.5"] },
  remediation:
    'Annotate the Service `service.beta.kubernetes.io/aws-load-balancer-scheme: "internal"`, or `service.beta.kubernetes.io/aws-load-balancer-ssl-cert: <ACM ARN>` with `aws-load-balancer-ssl-ports` covering every port; better, expose HTTP services through a TLS Ingress with a ClusterIP Service, as phiguard\'s `SecureWorkload` does.',
  enforcementLevel: "mandatory",
  resourceTypes: [SERVICE_TYPE],
  configSchema: {
    properties: {
      requireTlsForInternal: {
        type: "boolean",
        default: false,
        description: "Also require TLS on internal load balancers.",
      },
    },
  },
  validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    const spec = asObject(args.props.spec);
    if (spec?.type !== "LoadBalancer") return;
    const annotations = asObject(asObject(args.props.metadata)?.annotations) ?? {};
    const internal = isInternal(annotations);
    if (internal && args.getConfig<Config>().requireTlsForInternal !== true) return;
    const where = internal ? "The internal load balancer" : "The internet-facing load balancer";
    if (annotations[SSL_CERT] === undefined) {
      reportViolation(`${where} has no TLS certificate (${SSL_CERT})${internal ? "" : ` and is not internal (${SCHEME})`}.`);
      return;
    }
    const ports = asArray(spec.ports).map((p) => asObject(p) ?? {});
    const plain = portsWithoutTls(annotations, ports);
    if (plain.length > 0) reportViolation(`${where} leaves port(s) ${plain.join(", ")} without TLS (${SSL_PORTS}).`);
  },
});

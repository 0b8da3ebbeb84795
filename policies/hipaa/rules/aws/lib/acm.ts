/** ACM certificates: requested (public or private CA) and imported ones, whose PEM a plan carries. */
import { X509Certificate } from "node:crypto";
import { hasValue, type Props } from "./props";

export const CERTIFICATE = "aws:acm/certificate:Certificate";

/** True for an imported certificate (its body is given). */
export function isImported(props: Props): boolean {
  return hasValue(props, "certificateBody");
}

/**
 * The imported certificate, parsed from `certificateBody` (reading it throws the engine's "cannot
 * be verified" error when the PEM is computed, e.g. by the `tls` provider); undefined after
 * reporting a body that is not a PEM certificate.
 */
export function importedCertificate(props: Props, report: (message: string) => void): X509Certificate | undefined {
  const body = props.certificateBody as unknown;
  try {
    return new X509Certificate(String(body));
  } catch {
    report("certificateBody is not a PEM-encoded X.509 certificate, so it cannot be checked.");
    return undefined;
  }
}

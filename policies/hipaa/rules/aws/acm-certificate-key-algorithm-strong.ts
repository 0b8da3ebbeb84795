import { CITES } from "../../controls";
import { CERTIFICATE, importedCertificate, isImported } from "./lib/acm";
import { resourceRule } from "./lib/rule";

const MINIMUM_RSA_BITS = 2048;
const STRONG_CURVES = ["prime256v1", "secp384r1", "secp521r1"];

export default resourceRule({
  name: "acm-certificate-key-algorithm-strong",
  description: `ACM certificates use a key of at least ${MINIMUM_RSA_BITS} bits for RSA, or a P-256, P-384 or P-521 curve: requested certificates through keyAlgorithm, imported ones through the public key of certificateBody.`,
  enforcementLevel: "mandatory",
  hipaa: [...CITES.inTransit],
  remediation: "Request the `aws.acm.Certificate` with `keyAlgorithm: \"RSA_2048\"` (the default) or `\"EC_prime256v1\"`; re-issue an imported certificate with a 2048-bit RSA or P-256 key.",
  controls: {
    awsConfig: ["ACM_CERTIFICATE_RSA_CHECK"],
  },
  resourceTypes: [CERTIFICATE],
  check: (props, _args, report) => {
    if (!isImported(props)) {
      const algorithm = String(props.keyAlgorithm ?? "RSA_2048");
      if (algorithm === "RSA_1024") report(`keyAlgorithm is '${algorithm}'; expected RSA_2048 or stronger, or an EC key.`);
      return;
    }
    const certificate = importedCertificate(props, report);
    if (!certificate) return;
    const key = certificate.publicKey;
    const details = key.asymmetricKeyDetails ?? {};
    if (key.asymmetricKeyType === "rsa" && (details.modulusLength ?? 0) < MINIMUM_RSA_BITS) {
      report(`the imported certificate has a ${details.modulusLength ?? "?"}-bit RSA key; expected at least ${MINIMUM_RSA_BITS}.`);
    } else if (key.asymmetricKeyType === "ec" && !STRONG_CURVES.includes(details.namedCurve ?? "")) {
      report(`the imported certificate's EC key uses curve '${details.namedCurve ?? "?"}'; expected ${STRONG_CURVES.join(", ")}.`);
    }
  },
});

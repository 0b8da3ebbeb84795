import { CERTIFICATE, importedCertificate, isImported } from "./lib/acm";
import { hasValue } from "./lib/props";
import { resourceRule } from "./lib/rule";

interface Config {
  readonly minimumDaysToExpiry?: number;
}

const DEFAULT_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export default resourceRule({
  name: "acm-certificate-renews-before-expiry",
  description:
    "ACM certificates do not lapse: a requested public certificate is DNS-validated (so ACM renews it without anyone acting on an email), and an imported certificate, which ACM never renews, is valid for at least minimumDaysToExpiry more days (30 by default) at the time of the check.",
  enforcementLevel: "mandatory",
  hipaa: ["164.308(a)(4)(ii)(A)", "164.312(e)(1)", "164.308(a)(7)(ii)(C)"],
  remediation:
    "Request certificates with `validationMethod: \"DNS\"` and keep the validation records (an `aws.acm.CertificateValidation` with Route 53 records); replace an imported certificate's `certificateBody` before it expires.",
  controls: {
    awsConfig: ["ACM_CERTIFICATE_EXPIRATION_CHECK"],
  },
  resourceTypes: [CERTIFICATE],
  configSchema: {
    properties: {
      minimumDaysToExpiry: {
        type: "integer",
        minimum: 0,
        default: DEFAULT_DAYS,
        description: "Days an imported certificate must still be valid for at the time of the check. Default: 30.",
      },
    },
  },
  check: (props, args, report) => {
    if (isImported(props)) {
      const certificate = importedCertificate(props, report);
      if (!certificate) return;
      const minimum = args.getConfig<Config>().minimumDaysToExpiry ?? DEFAULT_DAYS;
      const daysLeft = Math.floor((Date.parse(certificate.validTo) - Date.now()) / DAY_MS);
      if (daysLeft < 0) report(`the imported certificate expired on ${certificate.validTo}.`);
      else if (daysLeft < minimum) report(`the imported certificate expires on ${certificate.validTo}, in ${daysLeft} days; expected at least ${minimum}.`);
      return;
    }
    if (hasValue(props, "certificateAuthorityArn")) args.notApplicable("private certificates renew without validation");
    const method = String(props.validationMethod ?? "").toUpperCase();
    if (method !== "DNS") {
      report(`validationMethod is ${method ? `'${method}'` : "not set"}, so renewal needs someone to act on validation emails; expected 'DNS'.`);
    }
  },
});

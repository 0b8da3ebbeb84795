import { CERTIFICATE, isImported } from "./lib/acm";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "acm-certificate-transparency-logging-enabled",
  description:
    "Publicly trusted ACM certificates are logged to public certificate transparency logs (options.certificateTransparencyLoggingPreference is not DISABLED), so a certificate mis-issued for the organization's domains can be detected.",
  enforcementLevel: "advisory",
  hipaa: ["164.312(e)(1)", "164.312(d)"],
  remediation: "Remove `options: { certificateTransparencyLoggingPreference: \"DISABLED\" }` from the `aws.acm.Certificate` (ENABLED is the default).",
  controls: {
    checkov: ["CKV_AWS_234"],
  },
  resourceTypes: [CERTIFICATE],
  check: (props, args, report) => {
    if (isImported(props)) args.notApplicable("ACM does not log imported certificates");
    if (String(props.options?.certificateTransparencyLoggingPreference ?? "ENABLED").toUpperCase() === "DISABLED") {
      report("certificate transparency logging is DISABLED.");
    }
  },
});

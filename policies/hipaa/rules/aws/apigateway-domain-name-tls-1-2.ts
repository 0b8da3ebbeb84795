import { CITES } from "../../controls";
import { DOMAIN_NAME } from "./lib/apigateway";
import { resourceRule } from "./lib/rule";

/** `TLS_1_2`, and the enhanced security policies whose minimum is TLS 1.2 or 1.3 (`SecurityPolicy_TLS13_...`, `SecurityPolicy_TLS12_...`). */
const TLS12_OR_LATER = /^(TLS_1_2|SecurityPolicy_TLS1[23]_)/;

export default resourceRule({
  name: "apigateway-domain-name-tls-1-2",
  description: "API Gateway custom domain names accept TLS 1.2 or later only (securityPolicy TLS_1_2 or a TLS 1.2/1.3 enhanced policy).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.inTransit],
  remediation: "Set `securityPolicy: \"TLS_1_2\"` on the `aws.apigateway.DomainName`.",
  controls: {
    checkov: ["CKV_AWS_206"],
  },
  resourceTypes: [DOMAIN_NAME],
  check: (props, _args, report) => {
    const policy = props.securityPolicy as string | undefined;
    if (policy === undefined) report("no securityPolicy is set, so the domain may accept TLS 1.0 (TLS_1_0); expected 'TLS_1_2'.");
    else if (!TLS12_OR_LATER.test(policy)) report(`securityPolicy is '${policy}'; expected 'TLS_1_2' or later.`);
  },
});

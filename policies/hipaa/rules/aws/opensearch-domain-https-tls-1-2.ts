import { CITES } from "../../controls";
import { DOMAIN_TYPES, TLS12_DOMAIN_POLICY } from "./lib/opensearch";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "opensearch-domain-https-tls-1-2",
  description:
    "OpenSearch (and Elasticsearch) domains refuse plain HTTP (domainEndpointOptions.enforceHttps) and accept TLS 1.2 or later only (tlsSecurityPolicy Policy-Min-TLS-1-2-...).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.inTransit, "164.312(c)(1)"],
  remediation:
    "Set `domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: \"Policy-Min-TLS-1-2-PFS-2023-10\" }` on the `aws.opensearch.Domain`.",
  controls: {
    awsConfig: ["OPENSEARCH_HTTPS_REQUIRED"],
    checkov: ["CKV_AWS_83", "CKV_AWS_228"],
  },
  resourceTypes: DOMAIN_TYPES,
  check: (props, _args, report) => {
    const options = props.domainEndpointOptions as { enforceHttps?: boolean; tlsSecurityPolicy?: string } | undefined;
    if (options?.enforceHttps !== true) report("domainEndpointOptions.enforceHttps is not true, so plain HTTP is accepted.");
    const policy = options?.tlsSecurityPolicy;
    if (policy === undefined) report("no domainEndpointOptions.tlsSecurityPolicy is set, so TLS 1.0 and 1.1 may be accepted.");
    else if (!TLS12_DOMAIN_POLICY.test(policy)) report(`tlsSecurityPolicy is '${policy}'; expected a Policy-Min-TLS-1-2 policy.`);
  },
});

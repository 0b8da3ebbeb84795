import { CITES } from "../../controls";
import { STAGE } from "./lib/apigateway";
import { hasValue } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "apigateway-stage-client-certificate-configured",
  description:
    "API Gateway REST API stages present a client certificate to their HTTP back ends (clientCertificateId), so back ends can verify that requests come from API Gateway.",
  enforcementLevel: "advisory",
  hipaa: [...CITES.inTransit],
  remediation: "Create an `aws.apigateway.ClientCertificate` and set `clientCertificateId: cert.id` on the `aws.apigateway.Stage`; have the back end require it.",
  controls: {
    awsConfig: ["API_GW_SSL_ENABLED"],
    cdkNag: ["HIPAA.Security-APIGWSSLEnabled"],
    checkov: ["CKV2_AWS_51"],
  },
  resourceTypes: [STAGE],
  check: (props, _args, report) => {
    if (!hasValue(props, "clientCertificateId")) report("the stage sets no clientCertificateId.");
  },
});

import { CITES } from "../../controls";
import { loadBalancerType, V2_LOAD_BALANCERS } from "./lib/elb";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "alb-drop-invalid-header-fields",
  description: "Application load balancers drop HTTP headers that are not valid, which blocks request-smuggling and header-injection tricks.",
  enforcementLevel: "advisory",
  hipaa: [...CITES.inTransit],
  remediation: "Use the `SecureWorkload` component, or set `dropInvalidHeaderFields: true` on the application load balancer.",
  controls: {
    awsConfig: ["ALB_HTTP_DROP_INVALID_HEADER_ENABLED"],
    cdkNag: ["HIPAA.Security-ALBHttpDropInvalidHeaderEnabled"],
    checkov: ["CKV_AWS_131"],
  },
  resourceTypes: V2_LOAD_BALANCERS,
  check: (props, args, report) => {
    if (loadBalancerType(props) !== "application") args.notApplicable("only application load balancers parse HTTP headers");
    if (props.dropInvalidHeaderFields !== true) report("dropInvalidHeaderFields is not true.");
  },
});

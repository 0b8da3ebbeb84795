import { childrenOf, forEachDeferred, ofType } from "./lib/stack";
import { listing } from "./lib/props";
import { stackRule } from "./lib/rule";

interface Config {
  readonly services: string[];
}

export default stackRule({
  name: "vpc-endpoints-for-s3-and-kms",
  description:
    "Every VPC has VPC endpoints for the services PHI flows through (by default S3 and KMS), so that traffic stays on the AWS network instead of crossing a NAT gateway to public endpoints.",
  enforcementLevel: "advisory",
  hipaa: ["164.312(e)(1)", "164.312(e)(2)(i)"],
  remediation:
    "Use the `MultiRegionNetwork` component (S3 gateway and KMS interface endpoints by default), or add `aws.ec2.VpcEndpoint`s with `vpcId: vpc.id` for each service; list other services in this rule's `services` config.",
  controls: {},
  resourceTypes: ["aws:ec2/vpc:Vpc"],
  configSchema: {
    properties: {
      services: {
        type: "array",
        items: { type: "string" },
        default: ["s3", "kms"],
        description: "Service names (the last part of the endpoint service name, e.g. `s3`, `kms`, `logs`) every VPC needs an endpoint for.",
      },
    },
  },
  check: (args, report) => {
    const services = args.getConfig<Config>().services ?? ["s3", "kms"];
    forEachDeferred(ofType(args.resources, "aws:ec2/vpc:Vpc"), (vpc) => {
      const endpoints = childrenOf(args.resources, vpc, "aws:ec2/vpcEndpoint:VpcEndpoint", "vpcId");
      const names = endpoints.map((e) => String(e.props.serviceName ?? ""));
      const missing = services.filter((svc) => !names.some((n) => n.endsWith(`.${svc}`)));
      if (missing.length > 0) report(`no VPC endpoint for ${listing(missing)}.`, vpc.urn);
    });
  },
});

import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "ecr-repository-tags-immutable",
  description: "ECR repositories make image tags immutable, so a deployed tag always names the image that was reviewed and scanned.",
  enforcementLevel: "advisory",
  hipaa: ["164.312(c)(1)"],
  remediation: "Use the `SecureCluster` component's repositories, or set `imageTagMutability: \"IMMUTABLE\"`.",
  controls: {
    checkov: ["CKV_AWS_51"],
  },
  resourceTypes: ["aws:ecr/repository:Repository"],
  check: (props, _args, report) => {
    const mutability = (props.imageTagMutability as string | undefined) ?? "MUTABLE";
    if (!mutability.startsWith("IMMUTABLE")) report(`imageTagMutability is '${mutability}'; expected 'IMMUTABLE'.`);
  },
});

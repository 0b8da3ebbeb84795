import { CITES } from "../../controls";
import { arrayOf, customerKeyProblem, type Props } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "codebuild-project-encrypted-with-cmk",
  description:
    "CodeBuild projects encrypt their build artifacts with a customer managed KMS key (encryptionKey), and no artifact output turns encryption off (encryptionDisabled).",
  enforcementLevel: "advisory",
  hipaa: [...CITES.encryptionAtRest],
  remediation: "Set `encryptionKey: key.arn` (an `EnvelopeKey`) on the `aws.codebuild.Project` and remove `encryptionDisabled: true` from its artifacts.",
  controls: {
    checkov: ["CKV_AWS_147", "CKV_AWS_78"],
  },
  resourceTypes: ["aws:codebuild/project:Project"],
  check: (props, _args, report) => {
    const problem = customerKeyProblem(props, "encryptionKey");
    if (problem) report(`${problem}, so artifacts are encrypted with the AWS managed S3 key.`);
    const artifacts: [string, Props | undefined][] = [
      ["artifacts", props.artifacts as Props | undefined],
      ...arrayOf<Props>(props.secondaryArtifacts).map((a, i): [string, Props] => [`secondaryArtifacts[${i}]`, a]),
    ];
    for (const [where, artifact] of artifacts) {
      if (artifact?.encryptionDisabled === true) report(`${where} sets encryptionDisabled: true.`);
    }
  },
});

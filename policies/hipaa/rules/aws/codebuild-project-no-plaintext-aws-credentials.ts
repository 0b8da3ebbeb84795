import { CITES } from "../../controls";
import { arrayOf, type Props } from "./lib/props";
import { resourceRule } from "./lib/rule";

const CREDENTIAL_VARIABLES = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];

export default resourceRule({
  name: "codebuild-project-no-plaintext-aws-credentials",
  description:
    "CodeBuild projects do not pass AWS credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) as PLAINTEXT environment variables, which anyone who can read the project sees.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.notPublic.filter((p) => p !== "164.312(e)(1)")],
  remediation:
    "Give the project a `serviceRole` with the permissions it needs instead of keys; if keys are unavoidable, store them in Secrets Manager or SSM and use `type: \"SECRETS_MANAGER\"` or `\"PARAMETER_STORE\"` in `environment.environmentVariables`.",
  controls: {
    awsConfig: ["CODEBUILD_PROJECT_ENVVAR_AWSCRED_CHECK"],
    cdkNag: ["HIPAA.Security-CodeBuildProjectEnvVarAwsCred"],
  },
  resourceTypes: ["aws:codebuild/project:Project"],
  check: (props, _args, report) => {
    for (const variable of arrayOf<Props>(props.environment?.environmentVariables)) {
      const name = String(variable.name ?? "").toUpperCase();
      if (!CREDENTIAL_VARIABLES.includes(name)) continue;
      const type = String(variable.type ?? "PLAINTEXT").toUpperCase();
      if (type === "PLAINTEXT") report(`environment variable ${name} holds an AWS credential in plain text.`);
    }
  },
});

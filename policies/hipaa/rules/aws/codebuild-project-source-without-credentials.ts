import { CITES } from "../../controls";
import { arrayOf, type Props } from "./lib/props";
import { resourceRule } from "./lib/rule";

/** `scheme://user@host` or `scheme://user:secret@host`: credentials embedded in a URL. */
const USERINFO = /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]+@/i;

export default resourceRule({
  name: "codebuild-project-source-without-credentials",
  description:
    "CodeBuild project sources (primary and secondary) do not embed a user name, password or personal access token in their repository URL; the source provider connection (OAuth, CodeConnections) or a source credential authenticates instead.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.notPublic.filter((p) => p !== "164.312(e)(1)")],
  remediation:
    "Use a plain repository URL in `source.location` and authenticate with an `aws.codebuild.SourceCredential` or `source.auth: { type: \"CODECONNECTIONS\", resource: connection.arn }`.",
  controls: {
    awsConfig: ["CODEBUILD_PROJECT_SOURCE_REPO_URL_CHECK"],
    cdkNag: ["HIPAA.Security-CodeBuildProjectSourceRepoUrl"],
  },
  resourceTypes: ["aws:codebuild/project:Project"],
  check: (props, _args, report) => {
    const sources: [string, Props | undefined][] = [
      ["source", props.source as Props | undefined],
      ...arrayOf<Props>(props.secondarySources).map((s, i): [string, Props] => [`secondarySources[${i}]`, s]),
    ];
    for (const [where, source] of sources) {
      const location = source?.location;
      if (typeof location === "string" && USERINFO.test(location)) report(`${where}.location embeds credentials in the repository URL.`);
    }
  },
});

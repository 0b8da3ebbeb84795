import { containersOf, TASK_DEFINITION } from "./lib/ecs";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "ecs-task-definition-read-only-root-filesystem",
  description: "ECS task definitions mount every container's root file system read-only (readonlyRootFilesystem: true), so a compromised process cannot alter the image.",
  enforcementLevel: "mandatory",
  hipaa: ["164.312(c)(1)", "164.312(a)(1)"],
  remediation: "Set `\"readonlyRootFilesystem\": true` in every container definition of `containerDefinitions`; give writable paths their own volumes.",
  controls: {
    awsConfig: ["ECS_CONTAINERS_READONLY_ACCESS"],
    checkov: ["CKV_AWS_336"],
  },
  resourceTypes: [TASK_DEFINITION],
  check: (props, _args, report) => {
    for (const container of containersOf(props, report) ?? []) {
      if (container.props.readonlyRootFilesystem !== true) report(`container '${container.name}' has a writable root file system.`);
    }
  },
});

import { CITES } from "../../controls";
import { containersOf, TASK_DEFINITION } from "./lib/ecs";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "ecs-task-definition-no-privileged-containers",
  description: "ECS task definitions run no privileged container (privileged: true gives the container root on the host).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.leastPrivilege],
  remediation: "Remove `\"privileged\": true` from the container definitions in `containerDefinitions` of the `aws.ecs.TaskDefinition`; grant single Linux capabilities in `linuxParameters` if needed.",
  controls: {
    awsConfig: ["ECS_TASK_DEFINITION_USER_FOR_HOST_MODE_CHECK"],
    checkov: ["CKV_AWS_334"],
  },
  resourceTypes: [TASK_DEFINITION],
  check: (props, _args, report) => {
    for (const container of containersOf(props, report) ?? []) {
      if (container.props.privileged === true) report(`container '${container.name}' is privileged.`);
    }
  },
});

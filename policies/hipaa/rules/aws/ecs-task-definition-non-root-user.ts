import { CITES } from "../../controls";
import { containersOf, isRootUser, TASK_DEFINITION } from "./lib/ecs";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "ecs-task-definition-non-root-user",
  description:
    "ECS task definitions run every container as a non-root user (user set, and neither root nor UID 0); a container without user runs as the image's user, root for most images. Host network mode, where a root container can reach the host's interfaces, is where AWS Config requires it.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.leastPrivilege],
  remediation: "Set `\"user\": \"1000:1000\"` (a non-root UID) in every container definition of `containerDefinitions`, and build images that run as that user.",
  controls: {
    awsConfig: ["ECS_TASK_DEFINITION_USER_FOR_HOST_MODE_CHECK"],
    cdkNag: ["HIPAA.Security-ECSTaskDefinitionUserForHostMode"],
  },
  resourceTypes: [TASK_DEFINITION],
  check: (props, _args, report) => {
    for (const container of containersOf(props, report) ?? []) {
      const user = container.props.user as unknown;
      if (isRootUser(user)) {
        report(`container '${container.name}' ${user === undefined || user === "" ? "sets no user, so it runs as the image's user (root by default)" : `runs as '${String(user)}'`}.`);
      }
    }
  },
});

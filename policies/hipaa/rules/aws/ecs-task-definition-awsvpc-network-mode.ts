import { CITES } from "../../controls";
import { TASK_DEFINITION } from "./lib/ecs";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "ecs-task-definition-awsvpc-network-mode",
  description:
    "ECS task definitions use the awsvpc network mode, so every task has its own network interface, security groups and flow logs, instead of sharing the host's (host) or a bridge (bridge, the default on EC2).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.notPublic],
  remediation: "Set `networkMode: \"awsvpc\"` on the `aws.ecs.TaskDefinition` and give the service `networkConfiguration` with private subnets and security groups.",
  controls: {},
  resourceTypes: [TASK_DEFINITION],
  check: (props, _args, report) => {
    const mode = String(props.networkMode ?? "bridge");
    if (mode !== "awsvpc") report(`networkMode is '${mode}'; expected 'awsvpc'.`);
  },
});

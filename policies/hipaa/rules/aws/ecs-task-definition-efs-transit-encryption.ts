import { CITES } from "../../controls";
import { TASK_DEFINITION } from "./lib/ecs";
import { arrayOf, type Props } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "ecs-task-definition-efs-transit-encryption",
  description: "ECS task definitions mount EFS volumes with encryption in transit (efsVolumeConfiguration.transitEncryption: ENABLED).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.inTransit],
  remediation: "Set `transitEncryption: \"ENABLED\"` in the `efsVolumeConfiguration` of each EFS volume of the `aws.ecs.TaskDefinition`.",
  controls: {
    checkov: ["CKV_AWS_97"],
  },
  resourceTypes: [TASK_DEFINITION],
  check: (props, args, report) => {
    const efs = arrayOf<Props>(props.volumes).filter((v) => v.efsVolumeConfiguration !== undefined);
    if (efs.length === 0) args.notApplicable("the task definition mounts no EFS volume");
    for (const volume of efs) {
      if (String(volume.efsVolumeConfiguration?.transitEncryption ?? "DISABLED").toUpperCase() !== "ENABLED") {
        report(`EFS volume '${String(volume.name)}' is mounted without transit encryption.`);
      }
    }
  },
});

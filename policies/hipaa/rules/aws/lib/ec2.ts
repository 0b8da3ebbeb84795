/** Launch settings shared by EC2 instances, launch templates and launch configurations. */
export const INSTANCE = "aws:ec2/instance:Instance";
export const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
export const LAUNCH_CONFIGURATION = "aws:ec2/launchConfiguration:LaunchConfiguration";

export const LAUNCH_TYPES: readonly string[] = [INSTANCE, LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION];

/** What kind of launch definition the type is, for messages. */
export function launchKind(type: string): string {
  if (type === LAUNCH_TEMPLATE) return "launch template";
  if (type === LAUNCH_CONFIGURATION) return "launch configuration";
  return "instance";
}

/** ECS task definitions: their container definitions, given as a JSON string. */
import { arrayOf, type Props } from "./props";

export const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";

export interface Container {
  readonly name: string;
  readonly props: Props;
}

/**
 * The containers of a task definition's `containerDefinitions` (JSON text, or an array when a
 * loader gives it parsed). Reading it throws the engine's "cannot be verified" error when the JSON
 * is computed from another resource's outputs; a value that is not a JSON array is reported.
 */
export function containersOf(props: Props, report: (message: string) => void): Container[] | undefined {
  let value: unknown = props.containerDefinitions;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      report("containerDefinitions is not valid JSON, so the containers cannot be checked.");
      return undefined;
    }
  }
  if (!Array.isArray(value)) {
    report("containerDefinitions is not a JSON array of container definitions, so the containers cannot be checked.");
    return undefined;
  }
  return arrayOf<Props>(value).map((c, i) => ({ name: typeof c?.name === "string" ? c.name : `#${i}`, props: c ?? {} }));
}

/** True for a `user` that runs as root: `root` or UID 0, with or without a group (`0:0`, `root:app`). */
export function isRootUser(user: unknown): boolean {
  if (user === undefined || user === null || user === "") return true;
  const [name] = String(user).split(":");
  return name === undefined || name.trim() === "" || name.trim().toLowerCase() === "root" || name.trim() === "0";
}

/** The options recorded in a `ResourceV3`, as the Plan's `ResourceOptions` (unset ones omitted, as the planner does). */
import { DEFAULT_OPTIONS, type ResourceOptions } from "../plan";
import type { ResourceV3 } from "./resource-v3";

export function toResourceOptions(resource: ResourceV3): ResourceOptions {
  const customTimeouts = toCustomTimeouts(resource.customTimeouts);
  return {
    ...DEFAULT_OPTIONS,
    protect: resource.protect === true,
    // Older Pulumi versions did not record ignoreChanges in state: absent reads as none.
    ignoreChanges: [...(resource.ignoreChanges ?? [])],
    aliases: [...(resource.aliases ?? [])],
    additionalSecretOutputs: [...(resource.additionalSecretOutputs ?? [])],
    ...(customTimeouts ? { customTimeouts } : {}),
    ...(resource.retainOnDelete === true ? { retainOnDelete: true } : {}),
    ...(resource.deletedWith ? { deletedWith: resource.deletedWith } : {}),
    ...(resource.replaceOnChanges?.length ? { replaceOnChanges: [...resource.replaceOnChanges] } : {}),
  };
}

type Timeouts = NonNullable<ResourceOptions["customTimeouts"]>;

function toCustomTimeouts(stored: ResourceV3["customTimeouts"]): Timeouts | undefined {
  if (!stored) return undefined;
  const timeouts: { -readonly [K in keyof Timeouts]: string } = {};
  // Zero is Go's "unset" (omitempty); `read` has no place in ResourceOptions.
  if (stored.create) timeouts.create = goDuration(stored.create);
  if (stored.update) timeouts.update = goDuration(stored.update);
  if (stored.delete) timeouts.delete = goDuration(stored.delete);
  return Object.keys(timeouts).length > 0 ? timeouts : undefined;
}

/**
 * The engine keeps a timeout as seconds; programs write Go duration strings (`"10m"`), which is
 * what the planner records. 600 → "10m", 5400 → "1h30m", 90.5 → "1m30.5s".
 */
export function goDuration(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds - hours * 3600) / 60);
  const rest = Number((totalSeconds - hours * 3600 - minutes * 60).toFixed(6));
  const text = `${hours ? `${hours}h` : ""}${minutes ? `${minutes}m` : ""}${rest ? `${rest}s` : ""}`;
  return text === "" ? "0s" : text;
}

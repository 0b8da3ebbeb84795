/**
 * Every resource's constructor calls the SDK's `Resource.stackTrace(4)` to learn the program line
 * that created it (the plan's `source`). The SDK formats the whole stack for that, with no depth
 * limit, and with source maps on (the planner's TypeScript loader) every frame is mapped, then
 * turned into a file URL; a profile of a 5,000-resource plan shows this at ~8% of the run, and the
 * frames are kept in memory until the registration completes. The planner only reads the first
 * frame (the source position), so this formats the stack down to that frame only: the same frame
 * text, parsed with the SDK's own regular expression, gives the same position.
 *
 * `Resource.stackTrace` is a static method called through the class, so replacing it takes effect
 * everywhere. Pinned by sdk.test.ts and source-positions.test.ts (same positions as the SDK's).
 */
import { pathToFileURL } from "node:url";

export interface SourcePosition {
  readonly uri: string;
  readonly line: number;
  readonly column: number;
}

export interface SdkResourceClass {
  stackTrace(skip: number): (SourcePosition | undefined)[];
  readonly framePositionRegExp: RegExp;
}

/** The SDK's own `stackTrace` of each patched class. */
const originals = new WeakMap<object, SdkResourceClass["stackTrace"]>();

/**
 * Installs the shallow `stackTrace`, or (with PHIGUARD_FULL_STACK_TRACES=1, e.g. to see the whole
 * trace the SDK would send the engine) puts the SDK's own back.
 */
export function useShallowSourcePositions(Resource: SdkResourceClass): void {
  if (!originals.has(Resource)) originals.set(Resource, Resource.stackTrace);
  if (process.env.PHIGUARD_FULL_STACK_TRACES === "1") {
    Resource.stackTrace = originals.get(Resource) as SdkResourceClass["stackTrace"];
    return;
  }
  Resource.stackTrace = function stackTrace(skip: number): (SourcePosition | undefined)[] {
    // The SDK's frames are [callsites, stackTrace, new Resource, new CustomResource, new <Type>,
    // <caller>...] and it keeps those after `skip + 1`; here the first frame is this function,
    // so the caller's is frame `skip`.
    const frames = stackFrames(skip + 1);
    if (frames.length < skip + 1) return [];
    return [position(Resource.framePositionRegExp, frames[skip] as string)];
  };
}

function stackFrames(depth: number): string[] {
  const limit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = depth + 1; // and stackFrames itself
    return (new Error().stack ?? "").split("\n").slice(2);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** The SDK's parsing of one frame (`Resource.callsites` then `Resource.stackTrace`). */
function position(pattern: RegExp, frame: string): SourcePosition | undefined {
  const { file, line, column } = pattern.exec(frame)?.groups ?? {};
  if (!file || !line || !column || file.startsWith("node:")) return undefined;
  const lineNumber = parseInt(line, 10);
  const columnNumber = parseInt(column, 10);
  if (Number.isNaN(lineNumber) || Number.isNaN(columnNumber) || !lineNumber || !columnNumber) return undefined;
  return { uri: pathToFileURL(file).toString(), line: lineNumber, column: columnNumber };
}

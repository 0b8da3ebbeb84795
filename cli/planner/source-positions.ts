/**
 * Every resource's constructor calls the SDK's `Resource.stackTrace(4)` to learn the program line
 * that created it (the plan's `source`). The SDK formats the whole stack for that, with no depth
 * limit, then parses each frame's text; the planner only reads the first frame kept. So this
 * reads that one frame only, as a V8 call site, and maps it to the program's source itself
 * (source-maps.ts) instead of turning Node's source maps on for every module loaded.
 *
 * The position is the one the SDK's own `stackTrace` reads with Node's source maps on: a mapped
 * frame gives its original position; a frame with no map is parsed from its text with the SDK's
 * own regular expression, so a frame the SDK cannot read (an anonymous function's) gives none.
 *
 * `Resource.stackTrace` is a static method called through the class, so replacing it takes effect
 * everywhere. Pinned by sdk.test.ts and source-positions.test.ts (same positions as the SDK's).
 */
import { pathToFileURL } from "node:url";
import { originalPosition } from "./source-maps";

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
 * PHIGUARD_FULL_STACK_TRACES=1: the SDK's own stack traces, read through Node's own source maps,
 * which must be on before the program's and the SDK's modules load (see `planProgram`).
 */
export function fullStackTraces(): boolean {
  return process.env.PHIGUARD_FULL_STACK_TRACES === "1";
}

/**
 * Installs the shallow `stackTrace`, or (with PHIGUARD_FULL_STACK_TRACES=1, e.g. to see the whole
 * trace the SDK would send the engine) puts the SDK's own back, reading frames through Node's
 * own source maps.
 */
export function useShallowSourcePositions(Resource: SdkResourceClass): void {
  if (!originals.has(Resource)) originals.set(Resource, Resource.stackTrace);
  if (fullStackTraces()) {
    Resource.stackTrace = originals.get(Resource) as SdkResourceClass["stackTrace"];
    return;
  }
  Resource.stackTrace = function stackTrace(skip: number): (SourcePosition | undefined)[] {
    // The SDK's frames are [callsites, stackTrace, new Resource, new CustomResource, new <Type>,
    // <caller>...] and it keeps those after `skip + 1`; here the first frame is this function,
    // so the caller's is frame `skip`.
    const sites = callSites(skip + 1);
    if (sites.length < skip + 1) return [];
    return [positionOf(Resource.framePositionRegExp, sites[skip] as NodeJS.CallSite)];
  };
}

function callSites(depth: number): NodeJS.CallSite[] {
  const limit = Error.stackTraceLimit;
  const prepare = Error.prepareStackTrace;
  try {
    Error.stackTraceLimit = depth + 1; // and callSites itself
    Error.prepareStackTrace = (_error, sites) => sites;
    const sites = new Error().stack as unknown as NodeJS.CallSite[];
    return sites.slice(1);
  } finally {
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = limit;
  }
}

/** Where Node's source maps would place the frame: its original position, else the frame as it ran. */
function positionOf(pattern: RegExp, site: NodeJS.CallSite): SourcePosition | undefined {
  const file = site.getFileName();
  const line = site.getLineNumber();
  const column = site.getColumnNumber();
  const original = file && line && column ? originalPosition(file, line, column) : undefined;
  // The frame as Node prints a mapped one, read with the SDK's own pattern (its quirks included).
  if (original) return position(pattern, `    at <mapped> (${original.file}:${original.line}:${original.column})`);
  return position(pattern, `    at ${site.toString()}`);
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

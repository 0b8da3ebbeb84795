/**
 * Maps a resource's source position (a frame of the running JavaScript) back to the program's
 * own source, as Node.js does for stack traces with source maps on.
 *
 * The planner used to turn Node's source maps on for the whole process. Node then reads, parses
 * and indexes the source map of every module it loads, the hundreds of `@pulumi/aws` modules
 * included, whether or not a frame of theirs is ever shown: ~1.3 s of CPU on a large plan. The
 * plan needs only a few files mapped, those whose lines created resources, so this loads a map
 * when such a file is first seen. It follows Node's rules: the last `sourceMappingURL` comment,
 * inline `data:` or a file beside the module, `sources` resolved against the map's URL, and
 * 1-based positions in and out.
 */
import * as fs from "node:fs";
import { SourceMap, type SourceMapPayload } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { transpiledCode } from "./typescript";

export interface FramePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

const maps = new Map<string, SourceMap | null>();

/** The original position of a frame in `file`, or undefined when the file has no usable map. */
export function originalPosition(file: string, line: number, column: number): FramePosition | undefined {
  const map = sourceMapOf(file);
  if (!map) return undefined;
  const entry = map.findEntry(line - 1, column - 1) as Partial<{ originalSource: string; originalLine: number; originalColumn: number }>;
  const { originalSource, originalLine, originalColumn } = entry;
  if (!originalSource || originalLine === undefined || originalColumn === undefined) return undefined;
  const source = originalSource.startsWith("file://") ? fileURLToPath(originalSource) : originalSource;
  return { file: source, line: originalLine + 1, column: originalColumn + 1 };
}

function sourceMapOf(file: string): SourceMap | null {
  let map = maps.get(file);
  if (map === undefined) {
    map = loadSourceMap(file);
    maps.set(file, map);
  }
  return map;
}

const MAGIC_COMMENT = /\/[*/]#\s+sourceMappingURL=(?<url>[^\s]+)/g;

function loadSourceMap(file: string): SourceMap | null {
  let code = transpiledCode(file);
  if (code === undefined) {
    try {
      code = fs.readFileSync(file, "utf8");
    } catch {
      return null;
    }
  }
  let url: string | undefined;
  for (const match of code.matchAll(MAGIC_COMMENT)) url = match.groups?.url;
  if (!url) return null;
  const moduleUrl = pathToFileURL(file).href;
  try {
    // Sources resolve against the map's own URL: the module's for an inline map.
    const inline = url.startsWith("data:");
    const mapUrl = inline ? moduleUrl : new URL(url, moduleUrl).href;
    const payload = inline ? fromDataUrl(url) : fromFile(mapUrl);
    if (!payload) return null;
    return new SourceMap(withAbsoluteSources(payload, mapUrl));
  } catch {
    // A missing or malformed map leaves the position as it ran, as Node does.
    return null;
  }
}

function fromDataUrl(url: string): SourceMapPayload | null {
  const [format = "", data = ""] = new URL(url).pathname.split(",");
  const parts = format.split(";");
  if (parts[0] !== "application/json") return null;
  const text = parts[parts.length - 1] === "base64" ? Buffer.from(data, "base64").toString("utf8") : data;
  return JSON.parse(text) as SourceMapPayload;
}

function fromFile(mapUrl: string): SourceMapPayload {
  return JSON.parse(fs.readFileSync(fileURLToPath(mapUrl), "utf8")) as SourceMapPayload;
}

function withAbsoluteSources(payload: SourceMapPayload, baseUrl: string): SourceMapPayload {
  const root = payload.sourceRoot || "";
  return { ...payload, sources: payload.sources.map((source) => new URL(root + source, baseUrl).href), sourceRoot: "" };
}

/**
 * Loads TypeScript programs the way the Pulumi CLI does: transpiled on load, without type-checking,
 * honouring the project's own tsconfig.json (emitted as CommonJS, since programs are required).
 *
 * Transpiling is the largest cost of planning a TypeScript program from cold, so results are
 * cached on disk by content (source text, compiler options, TypeScript version), in the
 * program's `node_modules/.cache/phiguard` (as babel and others do) or the OS temp directory.
 * TypeScript itself is loaded only when a `.ts` file is first required.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Module from "node:module";
import type * as TypeScript from "typescript";

type CompileFn = (this: NodeJS.Module, code: string, filename: string) => unknown;
type ModuleInternals = typeof Module & {
  _extensions: Record<string, (module: NodeJS.Module & { _compile: CompileFn }, filename: string) => void>;
};

const extensions = (Module as ModuleInternals)._extensions;
const transpiled = new Map<string, { mtimeMs: number; code: string }>();
const optionsByDir = new Map<string, { options: TypeScript.CompilerOptions; key: string; cacheDir: string | undefined }>();
let installed = false;
let typescript: typeof TypeScript | undefined;

function ts(): typeof TypeScript {
  typescript ??= require("typescript") as typeof TypeScript;
  return typescript;
}

/** Installs the `.ts` loader once per process. Idempotent. */
export function installTypeScriptLoader(): void {
  if (installed) return;
  installed = true;
  // Node's source maps stay off: they would map every module loaded. The resources' source
  // positions (which SARIF reports cite) are mapped to the TypeScript lines by source-maps.ts.
  const jsLoader = extensions[".js"];
  const load = (module: NodeJS.Module & { _compile: CompileFn }, filename: string): void => {
    if (filename.includes(`${path.sep}node_modules${path.sep}`) && !filename.endsWith(".ts")) {
      jsLoader?.(module, filename);
      return;
    }
    module._compile(transpile(filename), filename);
  };
  for (const ext of [".ts", ".mts", ".cts"]) {
    if (!extensions[ext]) extensions[ext] = load;
  }
}

/** The JavaScript a `.ts` module was loaded as (with its inline source map), if this loader loaded it. */
export function transpiledCode(filename: string): string | undefined {
  return transpiled.get(filename)?.code;
}

function transpile(filename: string): string {
  const mtimeMs = fs.statSync(filename).mtimeMs;
  const cached = transpiled.get(filename);
  if (cached && cached.mtimeMs === mtimeMs) return cached.code;
  const source = fs.readFileSync(filename, "utf8");
  const settings = compilerOptionsFor(path.dirname(filename));
  const key = createHash("sha256").update(settings.key).update("\0").update(filename).update("\0").update(source).digest("hex");
  const cacheFile = settings.cacheDir ? path.join(settings.cacheDir, `${key}.js`) : undefined;
  let code = cacheFile ? readCache(cacheFile) : undefined;
  if (code === undefined) {
    code = ts().transpileModule(source, {
      fileName: filename,
      compilerOptions: settings.options,
      reportDiagnostics: false,
    }).outputText;
    if (cacheFile) writeCache(cacheFile, code);
  }
  transpiled.set(filename, { mtimeMs, code });
  return code;
}

function readCache(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** Best effort: a cache that cannot be written only costs speed. Written atomically. */
function writeCache(file: string, code: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, code);
    fs.renameSync(temp, file);
  } catch {
    // ignore
  }
}

function compilerOptionsFor(dir: string): { options: TypeScript.CompilerOptions; key: string; cacheDir: string | undefined } {
  const cached = optionsByDir.get(dir);
  if (cached) return cached;
  const t = ts();
  const configFile = t.findConfigFile(dir, (f) => fs.existsSync(f), "tsconfig.json");
  let options: TypeScript.CompilerOptions = {};
  if (configFile) {
    const read = t.readConfigFile(configFile, (f) => fs.readFileSync(f, "utf8"));
    if (!read.error) {
      // Only the compiler options are needed: a host that lists no files spares the walk of the
      // project's directories for `include` (tens of milliseconds on every plan).
      const host: TypeScript.ParseConfigHost = { ...t.sys, readDirectory: () => [] };
      options = t.parseJsonConfigFileContent(read.config, host, path.dirname(configFile)).options;
    }
  }
  // Output-layout options describe a build, not a load: with them, source maps would point one
  // directory off (relative to outDir) and the SDK would record the wrong source file.
  const { outDir: _outDir, rootDir: _rootDir, outFile: _outFile, declarationDir: _declDir, sourceRoot: _sourceRoot, mapRoot: _mapRoot, ...own } = options;
  const forced: TypeScript.CompilerOptions = {
    ...own,
    module: t.ModuleKind.CommonJS,
    moduleResolution: t.ModuleResolutionKind.Node10,
    target: own.target ?? t.ScriptTarget.ES2022,
    esModuleInterop: own.esModuleInterop ?? true,
    sourceMap: false,
    inlineSourceMap: true,
    inlineSources: false,
    declaration: false,
    noEmit: false,
  };
  const settings = {
    options: forced,
    key: `${t.version}\0${JSON.stringify(forced, Object.keys(forced).sort())}`,
    cacheDir: cacheDirFor(dir),
  };
  optionsByDir.set(dir, settings);
  return settings;
}

/** `node_modules/.cache/phiguard/ts` of the nearest node_modules, else the OS temp directory. */
function cacheDirFor(dir: string): string | undefined {
  if (process.env.PHIGUARD_NO_CACHE) return undefined;
  for (let current = dir; ; current = path.dirname(current)) {
    const modules = path.join(current, "node_modules");
    if (fs.existsSync(modules)) return path.join(modules, ".cache", "phiguard", "ts");
    if (path.dirname(current) === current) break;
  }
  return path.join(os.tmpdir(), "phiguard-ts-cache");
}

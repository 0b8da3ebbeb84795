/**
 * Loads TypeScript programs the way the Pulumi CLI does: transpiled on load, without type-checking,
 * honouring the project's own tsconfig.json (emitted as CommonJS, since programs are required).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import Module from "node:module";
import ts from "typescript";

type CompileFn = (this: NodeJS.Module, code: string, filename: string) => unknown;
type ModuleInternals = typeof Module & {
  _extensions: Record<string, (module: NodeJS.Module & { _compile: CompileFn }, filename: string) => void>;
};

const extensions = (Module as ModuleInternals)._extensions;
const transpiled = new Map<string, { mtimeMs: number; code: string }>();
const optionsByDir = new Map<string, ts.CompilerOptions>();
let installed = false;

/** Installs the `.ts` loader once per process. Idempotent. */
export function installTypeScriptLoader(): void {
  if (installed) return;
  installed = true;
  // Stack traces (and the SDK's source positions, which SARIF reports cite) then point at the
  // program's own TypeScript lines.
  process.setSourceMapsEnabled(true);
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

function transpile(filename: string): string {
  const mtimeMs = fs.statSync(filename).mtimeMs;
  const cached = transpiled.get(filename);
  if (cached && cached.mtimeMs === mtimeMs) return cached.code;
  const source = fs.readFileSync(filename, "utf8");
  const output = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: compilerOptionsFor(path.dirname(filename)),
    reportDiagnostics: false,
  });
  transpiled.set(filename, { mtimeMs, code: output.outputText });
  return output.outputText;
}

function compilerOptionsFor(dir: string): ts.CompilerOptions {
  const cached = optionsByDir.get(dir);
  if (cached) return cached;
  const configFile = ts.findConfigFile(dir, (f) => fs.existsSync(f), "tsconfig.json");
  let options: ts.CompilerOptions = {};
  if (configFile) {
    const read = ts.readConfigFile(configFile, (f) => fs.readFileSync(f, "utf8"));
    if (!read.error) {
      options = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configFile)).options;
    }
  }
  const forced: ts.CompilerOptions = {
    ...options,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    target: options.target ?? ts.ScriptTarget.ES2022,
    esModuleInterop: options.esModuleInterop ?? true,
    sourceMap: false,
    inlineSourceMap: true,
    inlineSources: false,
    declaration: false,
    noEmit: false,
  };
  optionsByDir.set(dir, forced);
  return forced;
}

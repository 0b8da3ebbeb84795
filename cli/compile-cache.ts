/**
 * An on-disk V8 code cache for the CommonJS modules a `phiguard` run loads.
 *
 * Compiling modules is the largest cost of checking a small stack: the SDK alone (with the
 * TypeScript compiler it loads) is ~1 s of a 3 s check, and a program's modules add more. Node
 * 22.1+ ships this as `module.enableCompileCache()`, which is used when present. On Node 20, the
 * same thing is done here for the module wrapper:
 * - the module is compiled as a `vm.Script` with the cache entry for its exact text, when there
 *   is one;
 * - at exit, V8's cache is written for each module compiled without one. It holds the functions
 *   that ran, not only the top level.
 *
 * Everything else is Node's own: the wrapper's parameters, `require` built the way Node builds it,
 * positions in stack traces unchanged.
 *
 * The cache is in the nearest `node_modules/.cache/phiguard` (else a per-user temp directory),
 * one file per module text and Node version. V8 rejects an entry that
 * does not match the source, and the module is then compiled afresh. Set
 * PHIGUARD_NO_COMPILE_CACHE=1 to turn it off.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import Module from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import * as v8 from "node:v8";
import * as vm from "node:vm";

type CompileFn = (this: NodeJS.Module, content: string, filename: string, format?: string) => unknown;
type ModuleInternals = typeof Module & {
  prototype: { _compile: CompileFn };
  wrap(content: string): string;
  wrapper: readonly string[];
  _resolveFilename(request: string, parent: NodeJS.Module, isMain: boolean, options?: { paths?: string[] }): string;
  _resolveLookupPaths(request: string, parent: NodeJS.Module): string[] | null;
  _extensions: NodeJS.RequireExtensions;
  _cache: NodeJS.Dict<NodeJS.Module>;
  enableCompileCache?: (dir?: string) => unknown;
};

const internals = Module as ModuleInternals;
let enabled = false;

export function enableCompileCache(root: string): void {
  if (enabled || process.env.PHIGUARD_NO_COMPILE_CACHE === "1") return;
  enabled = true;
  const dir = cacheDir(root);
  if (typeof internals.enableCompileCache === "function") {
    internals.enableCompileCache(dir);
    return;
  }
  if (!ensureDir(dir)) return;
  const compile = internals.prototype._compile;
  const unsaved: { file: string; script: vm.Script }[] = [];
  internals.prototype._compile = function compileWithCache(this: NodeJS.Module, content: string, filename: string, format?: string): unknown {
    // Node's own path when:
    // - an ES module is required from CommonJS (Node passes its format);
    // - the module starts with a hashbang (valid only at the very start of a script; Node strips it);
    // - Node's source maps are on (it reads a module's map as it compiles it);
    // - the module may use dynamic `import()`: on Node 20 a script restored from a code cache
    //   loses its import callback (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), so any text with
    //   `import(` in it, even in a string, is left to Node.
    if ((format !== undefined && format !== "commonjs") || content.startsWith("#!") || process.sourceMapsEnabled || content.includes("import(")) {
      return compile.call(this, content, filename, format);
    }
    const file = path.join(dir, createHash("sha1").update(filename).update("\0").update(content).digest("hex"));
    const cachedData = readEntry(file);
    const script = new vm.Script(internals.wrap(content), {
      filename,
      columnOffset: -(internals.wrapper[0] as string).length,
      ...(cachedData ? { cachedData } : {}),
    });
    if (!cachedData || script.cachedDataRejected) unsaved.push({ file, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
  };
  // V8 tags its cache data with its flags, and rejects data whose tag differs from its own: a
  // run that changed a flag (the planner exposes `gc`) would write entries no later run accepts.
  const tag = v8.cachedDataVersionTag();
  process.once("exit", () => {
    if (v8.cachedDataVersionTag() !== tag) return;
    for (const { file, script } of unsaved) writeEntry(file, script.createCachedData());
  });
}

/** The `require` Node gives a module (`makeRequireFunction`). */
function requireFor(mod: NodeJS.Module): NodeJS.Require {
  const require = ((id: string) => mod.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: { paths?: string[] }) =>
    internals._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => internals._resolveLookupPaths(request, mod);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = internals._extensions;
  require.cache = internals._cache;
  return require;
}

/**
 * `.cache/phiguard` of the nearest node_modules: the checkout's own, or the one phiguard is
 * installed in (`<project>/node_modules/phiguard` → `<project>/node_modules`); else a per-user
 * temp directory.
 */
function cacheDir(root: string): string {
  const version = `${process.version}-${process.arch}`;
  for (let current = root; ; current = path.dirname(current)) {
    const modules = path.basename(current) === "node_modules" ? current : path.join(current, "node_modules");
    if (fs.existsSync(modules)) return path.join(modules, ".cache", "phiguard", `v8-${version}`);
    if (path.dirname(current) === current) break;
  }
  const user = typeof process.getuid === "function" ? String(process.getuid()) : "user";
  return path.join(os.tmpdir(), `phiguard-v8-cache-${user}`, version);
}

/** Private to the user: V8 trusts what it reads from a code cache. */
function ensureDir(dir: string): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = fs.statSync(dir);
    return typeof process.getuid !== "function" || (stat.uid === process.getuid() && (stat.mode & 0o022) === 0);
  } catch {
    return false;
  }
}

function readEntry(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Best effort, atomic: a cache that cannot be written only costs speed. */
function writeEntry(file: string, data: Buffer): void {
  try {
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, data, { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch {
    // ignore
  }
}

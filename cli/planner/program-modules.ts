/**
 * A program's own modules must be evaluated afresh for every plan (module-level state such as
 * resources created at import time belongs to one run), while libraries in node_modules, the
 * Pulumi SDK among them, are shared: loading @pulumi/aws once is what keeps many plans fast.
 */
import * as path from "node:path";

const NODE_MODULES = `${path.sep}node_modules${path.sep}`;
/** phiguard's own compiled code must survive a purge when the program lives in this repo. */
const OWN_COMPILED_ROOT = __filename.endsWith(".js") ? path.resolve(__dirname, "..", "..") : undefined;

export function purgeProgramModules(projectDir: string): void {
  const dir = path.resolve(projectDir) + path.sep;
  for (const file of Object.keys(require.cache)) {
    if (isProgramModule(file, dir)) delete require.cache[file];
  }
}

function isProgramModule(file: string, projectDir: string): boolean {
  if (file.includes(NODE_MODULES)) return false;
  if (OWN_COMPILED_ROOT && file.startsWith(OWN_COMPILED_ROOT + path.sep)) return false;
  return /\.[cm]?ts$/.test(file) || file.startsWith(projectDir);
}

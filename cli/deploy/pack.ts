/**
 * The HIPAA policy pack folder that `pulumi preview/up --policy-pack` loads: `policies/hipaa/pack`
 * of the phiguard package (its `PulumiPolicy.yaml` and entry point).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { PhiguardError } from "../errors";
import { displayPath } from "../config/phiguard-config";

export const PACK_FOLDER = path.join("policies", "hipaa", "pack");

/** The phiguard package root (the directory of its package.json), from here in the sources or in dist/. */
export function phiguardRoot(start: string = __dirname): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      try {
        if ((JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string }).name === "phiguard") return dir;
      } catch {
        // not ours
      }
    }
    if (path.dirname(dir) === dir) throw new PhiguardError(`cannot find phiguard's package.json above ${start}`);
  }
}

/** `<phiguard>/policies/hipaa/pack`. */
export function defaultPolicyPackDir(): string {
  return path.join(phiguardRoot(), PACK_FOLDER);
}

/** The absolute pack folder; an error naming it when it holds no PulumiPolicy.yaml. */
export function checkPolicyPackDir(dir: string): string {
  const abs = path.resolve(dir);
  if (!fs.existsSync(path.join(abs, "PulumiPolicy.yaml"))) {
    throw new PhiguardError(`${displayPath(abs)}: not a Pulumi policy pack (no PulumiPolicy.yaml); expected phiguard's HIPAA pack folder or --policy-pack <dir>`);
  }
  return abs;
}

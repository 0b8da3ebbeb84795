/** Finding the Pulumi CLI the Automation API would run (`pulumi` on PATH). */
import * as fs from "node:fs";
import * as path from "node:path";
import { PhiguardError } from "../errors";

export const MISSING_CLI_MESSAGE =
  "the Pulumi CLI is not installed (pulumi not found on PATH); install it from Pulumi's official install instructions or your package manager, or gate offline with `phiguard check`";

/** The `pulumi` executable on `env.PATH`, or undefined. */
export function findPulumiCli(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = (env.PATH ?? env.Path ?? "").split(path.delimiter).filter(Boolean);
  const exts = process.platform === "win32" ? (env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";").filter(Boolean) : [""];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = path.join(dir, `pulumi${ext}`);
      try {
        const stat = fs.statSync(candidate);
        if (!stat.isFile()) continue;
        if (process.platform !== "win32") fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** The Pulumi CLI's path; a one-line PhiguardError (exit 2) when it is not installed. */
export function requirePulumiCli(env: NodeJS.ProcessEnv = process.env): string {
  const cli = findPulumiCli(env);
  if (!cli) throw new PhiguardError(MISSING_CLI_MESSAGE);
  return cli;
}

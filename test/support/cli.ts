/** Runs the built `phiguard` binary (bin/phiguard.js → dist/), as a user or CI would. */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { REPO_ROOT } from "./plan";

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export const PHIGUARD_BIN = path.join(REPO_ROOT, "bin", "phiguard.js");

export function runPhiguard(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const result = spawnSync(process.execPath, [PHIGUARD_BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

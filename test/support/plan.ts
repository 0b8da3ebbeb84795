/**
 * Plans a small Pulumi program given as TypeScript source, through the real planner. The program
 * is written into a temp project under `<repo>/.phiguard-test/`, so it resolves this repo's
 * node_modules and can import `../../components` like a stack in this repo would.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { planProgram } from "../../cli/planner";
import type { Plan } from "../../cli/plan";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
const SCRATCH = path.join(REPO_ROOT, ".phiguard-test");

export interface TestProgramOptions {
  /** Stack config; keys without a namespace belong to the project (`test`). */
  readonly config?: Record<string, unknown>;
  readonly stack?: string;
  readonly timeoutMs?: number;
  readonly invokes?: Record<string, Record<string, unknown>>;
}

let counter = 0;

/** Writes the program and returns its project directory (kept for debugging until the run ends). */
export function writeTestProgram(source: string, options: TestProgramOptions = {}): string {
  const dir = path.join(SCRATCH, `${process.pid}-${Date.now().toString(36)}-${counter++}`);
  fs.mkdirSync(dir, { recursive: true });
  const stack = options.stack ?? "test";
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: test\nruntime: nodejs\n");
  const config = { "aws:region": "us-east-1", ...(options.config ?? {}) };
  fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), `config:\n${yamlConfig(config)}`);
  fs.writeFileSync(path.join(dir, "index.ts"), source);
  return dir;
}

export async function planTestProgram(source: string, options: TestProgramOptions = {}): Promise<Plan> {
  const dir = writeTestProgram(source, options);
  try {
    return await planProgram({
      dir,
      stack: options.stack ?? "test",
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.invokes ? { invokes: options.invokes } : {}),
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function yamlConfig(config: Record<string, unknown>): string {
  return Object.entries(config)
    .map(([key, value]) => `  ${key}: ${JSON.stringify(value)}\n`)
    .join("");
}

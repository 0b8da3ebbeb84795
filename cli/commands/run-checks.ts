/**
 * Runs `phiguard check`'s work for one or several stacks, one after the other, with progress on
 * stderr. Fails closed: the first stack that cannot be planned or evaluated ends the run (exit 2).
 */
import * as path from "node:path";
import { runCheck, type CheckOptions, type Engine } from "../check";
import { describeOutcome, Progress } from "../progress";
import { PhiguardError } from "../errors";
import type { PlanFileFormat } from "../loaders";
import type { StackCheck } from "../reporters";
import { countVerdicts } from "../reporters/model";
import { hipaaPolicies } from "../../policies/hipaa";
import { loadRuleFiles } from "./rules";
import { toList } from "./formats";

export interface RunChecksOptions {
  readonly dir: string;
  /** Stacks to check; empty: the default stack (phiguard.yaml `stack`, or the only stack file). */
  readonly stacks: readonly string[];
  readonly planFile?: string;
  readonly from?: PlanFileFormat;
  readonly configFile?: string;
  readonly timeoutSeconds?: number;
  /** Modules with extra rules (`--rules`). */
  readonly ruleFiles?: readonly string[];
  readonly quiet?: boolean;
  /** @default "ts" */
  readonly engine?: Engine;
}

/** `--stack a --stack b` (yargs gives a string or an array), without duplicates. */
export function stackList(value: string | readonly string[] | undefined): string[] {
  const stacks = toList(value).map((s) => s.trim());
  const empty = stacks.find((s) => s === "");
  if (empty !== undefined) throw new PhiguardError("--stack needs a stack name");
  return [...new Set(stacks)];
}

export async function runChecks(options: RunChecksOptions): Promise<StackCheck[]> {
  if (options.planFile && options.stacks.length > 1) {
    throw new PhiguardError(`--plan gates one file; it cannot be combined with several --stack (given ${options.stacks.join(", ")})`);
  }
  const extra = loadRuleFiles(options.ruleFiles ?? [], hipaaPolicies);
  const policies = extra.length > 0 ? [...hipaaPolicies, ...extra] : undefined;
  const progress = new Progress({ quiet: options.quiet ?? false, lines: options.stacks.length > 1 });
  const dir = path.resolve(options.dir);
  const stacks: (string | undefined)[] = options.stacks.length > 0 ? [...options.stacks] : [undefined];
  const checks: StackCheck[] = [];
  for (const stack of stacks) {
    const label = options.planFile ? `checking ${options.planFile}` : `planning ${stack ?? path.basename(dir)}`;
    const task = progress.start(label);
    const checkOptions: CheckOptions = {
      dir,
      ...(stack ? { stack } : {}),
      ...(options.planFile ? { planFile: options.planFile } : {}),
      ...(options.from ? { from: options.from } : {}),
      ...(options.configFile ? { configFile: options.configFile } : {}),
      ...(options.timeoutSeconds ? { timeoutSeconds: options.timeoutSeconds } : {}),
      ...(policies ? { policies } : {}),
      ...(options.engine ? { engine: options.engine } : {}),
      onProgress: (step) => task.update(step),
    };
    try {
      const result = await runCheck(checkOptions);
      const counts = countVerdicts(result.findings);
      task.done(describeOutcome(result.plan.resources.length, result.findings.length, counts.fail));
      checks.push({ result, ...(options.planFile ? { planFile: options.planFile } : { projectDir: dir }) });
    } catch (error) {
      task.fail();
      throw error;
    }
  }
  return checks;
}

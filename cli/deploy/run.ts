/**
 * `phiguard preview | up | destroy`: thin wrappers of the Pulumi Automation API
 * (`LocalWorkspace.selectStack` on the project directory) that
 *
 * 1. need the Pulumi CLI (a one-line error, exit 2, when `pulumi` is not on PATH);
 * 2. for `preview` and `up`, run the offline check first and refuse to go on when it fails
 *    (exit 1, the text report on stdout);
 * 3. attach the HIPAA policy pack (`policyPacks: [<pack folder>]`) so the Pulumi engine enforces the
 *    same rules on the real preview/update;
 * 4. stream Pulumi's output, and exit 1 when the engine reports a mandatory policy violation,
 *    2 when the operation fails otherwise.
 *
 * Everything that touches the Automation API goes through `DeployDeps`, so tests can stop there.
 */
import type {
  DestroyOptions,
  DestroyResult,
  EngineEvent,
  PreviewOptions,
  PreviewResult,
  UpOptions,
  UpResult,
} from "@pulumi/pulumi/automation";
import * as path from "node:path";
import { runCheck, type CheckOptions, type CheckResult } from "../check";
import { loadPhiguardConfig } from "../config/phiguard-config";
import { PhiguardError, messageOf, oneLine } from "../errors";
import { describeOutcome, Progress } from "../progress";
import { countVerdicts } from "../reporters/model";
import { renderText } from "../reporters/text";
import type { PhiguardPolicy } from "../../policies/engine/rule";
import { checkPolicyPackDir, defaultPolicyPackDir } from "./pack";
import { requirePulumiCli } from "./pulumi-cli";

export const DEPLOY_OPERATIONS = ["preview", "up", "destroy"] as const;
export type DeployOperation = (typeof DEPLOY_OPERATIONS)[number];

/** The part of an Automation API `Stack` the commands use. */
export interface DeployStack {
  preview(options: PreviewOptions): Promise<PreviewResult>;
  up(options: UpOptions): Promise<UpResult>;
  destroy(options: DestroyOptions): Promise<DestroyResult>;
}

export interface DeployDeps {
  /** Throws the missing-CLI error when `pulumi` is not installed. @default `pulumi` on PATH */
  readonly requirePulumi: () => string;
  /** @default `LocalWorkspace.selectStack({ stackName, workDir })` */
  readonly selectStack: (args: { stackName: string; workDir: string }) => Promise<DeployStack>;
  /** @default the offline check (`runCheck`) */
  readonly check: (options: CheckOptions) => Promise<CheckResult>;
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
}

export interface DeployOptions {
  readonly operation: DeployOperation;
  /** The Pulumi project directory. @default the current directory */
  readonly dir?: string;
  /** @default phiguard.yaml `stack`; required one way or the other */
  readonly stack?: string;
  readonly configFile?: string;
  readonly timeoutSeconds?: number;
  /** Rules for the offline check. @default the HIPAA pack */
  readonly policies?: readonly PhiguardPolicy[];
  /** The policy pack folder attached to preview/up. @default phiguard's `policies/hipaa/pack` */
  readonly policyPackDir?: string;
  /** JSON files of policy configuration (`--policy-pack-config`). */
  readonly policyPackConfigs?: readonly string[];
  readonly quiet?: boolean;
  /** Colour of Pulumi's output. @default "auto" */
  readonly color?: "always" | "never" | "auto";
}

export interface DeployOutcome {
  readonly exitCode: 0 | 1;
  readonly stackName: string;
  /** The offline check (preview and up). */
  readonly check?: CheckResult;
  /** What was passed to `stack.preview/up/destroy`, when it was called. */
  readonly operationOptions?: PreviewOptions | UpOptions | DestroyOptions;
}

export function defaultDeployDeps(): DeployDeps {
  return {
    requirePulumi: () => requirePulumiCli(),
    selectStack: async ({ stackName, workDir }) => {
      // Loaded only here: the Automation API is not needed by the offline commands.
      const automation = require("@pulumi/pulumi/automation") as typeof import("@pulumi/pulumi/automation");
      return automation.LocalWorkspace.selectStack({ stackName, workDir });
    },
    check: runCheck,
    stdout: process.stdout,
    stderr: process.stderr,
  };
}

export async function runDeploy(options: DeployOptions, deps: DeployDeps = defaultDeployDeps()): Promise<DeployOutcome> {
  const op = options.operation;
  deps.requirePulumi();
  const dir = path.resolve(options.dir ?? ".");
  const { config } = loadPhiguardConfig(dir, options.configFile);
  const stackName = options.stack ?? config.stack;
  if (!stackName) {
    throw new PhiguardError(`give the stack to ${op} with --stack <name> (or \`stack:\` in phiguard.yaml); phiguard never deploys to an implied stack`);
  }
  const packDir = op === "destroy" ? undefined : checkPolicyPackDir(options.policyPackDir ?? defaultPolicyPackDir());

  let check: CheckResult | undefined;
  if (op !== "destroy") {
    const task = new Progress({ quiet: options.quiet ?? false, stream: deps.stderr }).start(`checking ${stackName} offline before pulumi ${op}`);
    try {
      check = await deps.check({
        dir,
        stack: stackName,
        ...(options.configFile ? { configFile: options.configFile } : {}),
        ...(options.timeoutSeconds ? { timeoutSeconds: options.timeoutSeconds } : {}),
        ...(options.policies ? { policies: options.policies } : {}),
        onProgress: (step) => task.update(step),
      });
    } catch (error) {
      task.fail();
      throw error;
    }
    const counts = countVerdicts(check.findings);
    task.done(describeOutcome(check.plan.resources.length, check.findings.length, counts.fail));
    if (!check.passed) {
      deps.stdout.write(renderText(check, { color: deps.stdout.isTTY === true && !process.env.NO_COLOR }));
      deps.stderr.write(
        `phiguard: refusing to run pulumi ${op} on ${stackName}: ${counts.fail} mandatory HIPAA violation${counts.fail === 1 ? "" : "s"} in the offline check (listed above); fix or waive them first\n`,
      );
      return { exitCode: 1, stackName, check };
    }
  }

  const stack = await deps.selectStack({ stackName, workDir: dir }).catch((error: unknown) => {
    throw new PhiguardError(`cannot select stack ${stackName} in ${dir}: ${firstLine(error)}`, { cause: error });
  });
  let mandatoryPolicyViolations = 0;
  const common = {
    color: options.color ?? "auto",
    onOutput: (out: string) => void deps.stdout.write(out),
    onEvent: (event: EngineEvent) => {
      if (event.policyEvent?.enforcementLevel === "mandatory") mandatoryPolicyViolations++;
    },
  } as const;
  const operationOptions: PreviewOptions | UpOptions | DestroyOptions =
    op === "destroy"
      ? { ...common }
      : {
          ...common,
          policyPacks: [packDir!],
          ...(options.policyPackConfigs && options.policyPackConfigs.length > 0
            ? { policyPackConfigs: options.policyPackConfigs.map((f) => path.resolve(f)) }
            : {}),
        };
  try {
    if (op === "preview") await stack.preview(operationOptions as PreviewOptions);
    else if (op === "up") await stack.up(operationOptions as UpOptions);
    else await stack.destroy(operationOptions as DestroyOptions);
  } catch (error) {
    if (mandatoryPolicyViolations > 0) {
      deps.stderr.write(
        `phiguard: pulumi ${op} on ${stackName} reported ${mandatoryPolicyViolations} mandatory policy violation${mandatoryPolicyViolations === 1 ? "" : "s"} (listed above)\n`,
      );
      return { exitCode: 1, stackName, ...(check ? { check } : {}), operationOptions };
    }
    throw new PhiguardError(`pulumi ${op} on ${stackName} failed: ${firstLine(error)}`, { cause: error });
  }
  return { exitCode: 0, stackName, ...(check ? { check } : {}), operationOptions };
}

/**
 * What went wrong, on one line. An Automation API `CommandError` carries the CLI's result (its
 * message is the whole stdout and stderr): its first `error:` line on stderr, and the exit code.
 */
function firstLine(error: unknown): string {
  const result = (error as { commandResult?: { code?: number; stderr?: string } } | undefined)?.commandResult;
  let text = result?.stderr;
  if (text === undefined) {
    const message = error instanceof Error ? error.message : String(error);
    const m = /^code: .*\n\s*stdout:[\s\S]*?\n\s*stderr:([\s\S]*?)(\n\s*err\?:|$)/.exec(message);
    text = m ? m[1]! : message;
  }
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  const line = lines.find((l) => /^error:/i.test(l)) ?? lines[0] ?? messageOf(error);
  const code = result?.code ?? /^code: (-?\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
  return oneLine(code !== undefined ? `${line} (exit code ${code})` : line);
}

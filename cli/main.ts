/**
 * The `phiguard` command line. Exit codes: 0 pass, 1 mandatory violations, 2 usage, input or
 * evaluation error (always one line on stderr naming the file, field or rule).
 */
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { checkCommand } from "./commands/check";
import { planCommand } from "./commands/plan";
import { controlsCommand } from "./commands/controls";
import { reportCommand } from "./commands/report";
import { destroyCommand, previewCommand, upCommand } from "./commands/deploy";
import { isPhiguardError, messageOf } from "./errors";
import { PACK_VERSION } from "../policies/hipaa";

export async function main(argv: readonly string[]): Promise<number> {
  process.exitCode = 0;
  try {
    await yargs(argv as string[])
      .scriptName("phiguard")
      .usage("$0 <command> [options]\n\nHIPAA policy gate for Pulumi programs on AWS: offline, no cloud credentials, no Pulumi CLI.")
      .command(checkCommand)
      .command(planCommand)
      .command(controlsCommand)
      .command(reportCommand)
      .command(previewCommand)
      .command(upCommand)
      .command(destroyCommand)
      .demandCommand(1, "Give a command: check, plan, controls, report, preview, up or destroy (see --help)")
      .strict()
      .version(PACK_VERSION)
      .help()
      .alias("h", "help")
      .wrap(Math.min(110, process.stdout.columns || 110))
      .epilogue("Exit codes: 0 pass, 1 mandatory HIPAA violations, 2 usage, input or evaluation error.")
      .fail((message, error) => {
        throw error ?? new UsageError(message);
      })
      .parseAsync();
    return Number(process.exitCode ?? 0);
  } catch (error) {
    process.stderr.write(`phiguard: error: ${describe(error)}\n`);
    return 2;
  }
}

class UsageError extends Error {}

function describe(error: unknown): string {
  if (isPhiguardError(error) || error instanceof UsageError) return messageOf(error);
  // Anything else is a bug in phiguard or a rule; say so, still on one line, still exit 2.
  return `internal error: ${messageOf(error)}`;
}

if (require.main === module) {
  void main(hideBin(process.argv)).then((code) => {
    process.exitCode = code;
  });
}

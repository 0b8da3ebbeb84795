/** `phiguard check`: the CI policy gate. Exit 0 pass, 1 mandatory violations, 2 error. */
import type { CommandModule } from "yargs";
import { runCheck } from "../check";
import { renderText } from "../reporters/text";
import { renderJson } from "../reporters/json";
import { programOptions, type ProgramArgs } from "./options";
import { writeOutput } from "./output";
import type { PlanFileFormat } from "../loaders";

interface CheckArgs extends ProgramArgs {
  plan?: string;
  from?: PlanFileFormat;
  format: "text" | "json";
  output?: string;
  color?: boolean;
}

export const checkCommand: CommandModule<object, CheckArgs> = {
  command: "check [dir]",
  describe: "Plan a Pulumi program offline (or read a preview/state file) and gate it on the HIPAA pack",
  builder: (yargs) =>
    programOptions(yargs)
      .option("plan", {
        describe: "Gate on this file instead of running the program: `pulumi preview --json` output, `pulumi stack export`, or `phiguard plan` output",
        type: "string",
      })
      .option("from", {
        describe: "What --plan holds (default: detected from the file)",
        choices: ["preview", "state", "plan"] as const,
      })
      .option("format", {
        alias: "f",
        describe: "Report format",
        choices: ["text", "json"] as const,
        default: "text" as const,
      })
      .option("output", { alias: "o", describe: "Write the report to this file instead of stdout", type: "string" })
      .option("color", { describe: "Colour the text report (default: when stdout is a terminal and NO_COLOR is unset)", type: "boolean" })
      .example("$0 check", "plan the program in the current directory and gate it")
      .example("$0 check infra --stack prod --format json -o phiguard.json", "gate the prod stack, JSON report")
      .example("pulumi preview --json > preview.json && $0 check --plan preview.json", "gate a real preview") as never,
  handler: async (args) => {
    const result = await runCheck({
      dir: args.dir,
      ...(args.stack ? { stack: args.stack } : {}),
      ...(args.plan ? { planFile: args.plan } : {}),
      ...(args.from ? { from: args.from } : {}),
      ...(args.config ? { configFile: args.config } : {}),
      ...(args.timeout ? { timeoutSeconds: args.timeout } : {}),
    });
    const color = args.color ?? (!args.output && process.stdout.isTTY === true && !process.env.NO_COLOR);
    const text = args.format === "json" ? renderJson(result) : renderText(result, { color });
    writeOutput(text, args.output);
    process.exitCode = result.passed ? 0 : 1;
  },
};

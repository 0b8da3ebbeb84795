/** `phiguard plan`: run a Pulumi program offline and write the Plan it would deploy, as JSON. */
import type { CommandModule } from "yargs";
import * as path from "node:path";
import { getPlan } from "../check";
import { loadPhiguardConfig } from "../config/phiguard-config";
import { programOptions, type ProgramArgs } from "./options";
import { writeOutput } from "./output";

interface PlanArgs extends ProgramArgs {
  output?: string;
}

export const planCommand: CommandModule<object, PlanArgs> = {
  command: "plan [dir]",
  describe: "Run a Pulumi program offline (no cloud, no Pulumi CLI) and write its Plan as JSON",
  builder: (yargs) =>
    programOptions(yargs)
      .option("output", { alias: "o", describe: "Write the Plan to this file instead of stdout", type: "string" })
      .example("$0 plan --stack dev -o plan.json", "write the dev stack's plan") as never,
  handler: async (args) => {
    const dir = path.resolve(args.dir);
    const { config } = loadPhiguardConfig(dir, args.config);
    const plan = await getPlan(
      { dir, ...(args.stack ? { stack: args.stack } : {}), ...(args.timeout ? { timeoutSeconds: args.timeout } : {}) },
      config,
    );
    writeOutput(JSON.stringify(plan, null, 2) + "\n", args.output);
  },
};

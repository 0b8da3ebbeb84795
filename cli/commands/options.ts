/** Options shared by the commands that read a Pulumi program. */
import type { Argv } from "yargs";

export interface ProgramArgs {
  dir: string;
  stack?: string;
  config?: string;
  timeout?: number;
}

export function programOptions<T>(yargs: Argv<T>): Argv<T & ProgramArgs> {
  return yargs
    .positional("dir", {
      describe: "Pulumi project directory (holds Pulumi.yaml)",
      type: "string",
      default: ".",
    })
    .option("stack", {
      alias: "s",
      describe: "Stack whose Pulumi.<stack>.yaml config is used (default: phiguard.yaml `stack`, or the only stack file)",
      type: "string",
    })
    .option("config", {
      describe: "phiguard.yaml to use (default: <dir>/phiguard.yaml when present)",
      type: "string",
    })
    .option("timeout", {
      describe: "Seconds the program may run before it is reported as hung (default 60)",
      type: "number",
    }) as Argv<T & ProgramArgs>;
}

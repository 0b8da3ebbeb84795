/**
 * `phiguard preview`, `phiguard up`, `phiguard destroy`: the Pulumi operations through the
 * Automation API, with the HIPAA pack attached and, for preview and up, the offline check first.
 * These need the Pulumi CLI (and cloud credentials); `phiguard check` needs neither.
 */
import type { Argv, CommandModule } from "yargs";
import { PhiguardError } from "../errors";
import { runDeploy, type DeployDeps, type DeployOperation, type DeployOptions } from "../deploy/run";
import { hipaaPolicies } from "../../policies/hipaa";
import { programOptions, type ProgramArgs } from "./options";
import { loadRuleFiles } from "./rules";
import { toList } from "./formats";

export interface DeployArgs extends ProgramArgs {
  rules?: string | string[];
  "policy-pack"?: string;
  "policy-pack-config"?: string | string[];
  yes?: boolean;
  quiet?: boolean;
  color?: boolean;
}

const DESCRIPTIONS: Readonly<Record<DeployOperation, string>> = {
  preview: "Run the offline HIPAA check, then `pulumi preview` with the HIPAA policy pack attached (needs the Pulumi CLI)",
  up: "Run the offline HIPAA check, then `pulumi up` with the HIPAA policy pack attached; refuses to deploy on violations (needs the Pulumi CLI)",
  destroy: "`pulumi destroy` the stack (needs the Pulumi CLI)",
};

function deployBuilder(op: DeployOperation) {
  return (yargs: Argv<object>): Argv<DeployArgs> => {
    let y = programOptions(yargs)
      .option("stack", {
        alias: "s",
        describe: "The stack to operate on (default: phiguard.yaml `stack`); required, phiguard never deploys to an implied stack",
        type: "string",
      })
      .option("quiet", { alias: "q", describe: "No progress on stderr", type: "boolean" })
      .option("color", { describe: "Colour Pulumi's output (default: auto)", type: "boolean" });
    if (op !== "destroy") {
      y = y
        .option("rules", {
          describe: "Also run the rules of this module in the offline check (.js or .ts exporting `default` or `rules`). Repeatable",
          type: "string",
        })
        .option("policy-pack", {
          describe: "Policy pack folder to attach (default: phiguard's HIPAA pack, policies/hipaa/pack)",
          type: "string",
        })
        .option("policy-pack-config", { describe: "JSON file of policy configuration for the pack. Repeatable", type: "string" });
    }
    if (op !== "preview") {
      y = y.option("yes", {
        alias: "y",
        describe: `Confirm: ${op === "up" ? "deploy" : "destroy every resource of the stack"} without a prompt (required)`,
        type: "boolean",
      });
    }
    return y
      .example(`$0 ${op} --stack prod${op === "preview" ? "" : " --yes"}`, DESCRIPTIONS[op])
      .epilogue(
        "Exit codes: 0 done, 1 mandatory HIPAA violations (offline check or the pack during the operation), 2 usage or input error, a missing Pulumi CLI, or a failed operation.",
      ) as Argv<DeployArgs>;
  };
}

/** Parses the arguments into what `runDeploy` takes (exported for tests). */
export function deployOptionsFrom(op: DeployOperation, args: DeployArgs): DeployOptions {
  if (Array.isArray(args.stack)) throw new PhiguardError(`${op} operates on one stack; --stack is given ${args.stack.length} times`);
  if (Array.isArray(args["policy-pack"])) throw new PhiguardError(`--policy-pack is given more than once; ${op} attaches one pack`);
  if (op !== "preview" && args.yes !== true) {
    throw new PhiguardError(`phiguard ${op} runs without a prompt; pass --yes to confirm that you mean to ${op === "up" ? "deploy" : "destroy"} the stack`);
  }
  const ruleFiles = toList(args.rules);
  const extra = ruleFiles.length > 0 ? loadRuleFiles(ruleFiles, hipaaPolicies) : [];
  return {
    operation: op,
    dir: args.dir,
    ...(args.stack ? { stack: args.stack } : {}),
    ...(args.config ? { configFile: args.config } : {}),
    ...(args.timeout ? { timeoutSeconds: args.timeout } : {}),
    ...(extra.length > 0 ? { policies: [...hipaaPolicies, ...extra] } : {}),
    ...(args["policy-pack"] ? { policyPackDir: args["policy-pack"] } : {}),
    ...(toList(args["policy-pack-config"]).length > 0 ? { policyPackConfigs: toList(args["policy-pack-config"]) } : {}),
    quiet: args.quiet ?? false,
    ...(args.color !== undefined ? { color: args.color ? "always" : "never" } : {}),
  };
}

export function deployCommand(op: DeployOperation, deps?: DeployDeps): CommandModule<object, DeployArgs> {
  return {
    command: `${op} [dir]`,
    describe: DESCRIPTIONS[op],
    builder: deployBuilder(op) as never,
    handler: async (args) => {
      const outcome = await runDeploy(deployOptionsFrom(op, args), deps);
      process.exitCode = outcome.exitCode;
    },
  };
}

export const previewCommand = deployCommand("preview");
export const upCommand = deployCommand("up");
export const destroyCommand = deployCommand("destroy");

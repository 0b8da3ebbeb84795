/**
 * The entry of the root Pulumi project (`Pulumi.yaml`: `main: stacks/index.ts`): runs the
 * reference workload that the stack's `phiguard:workload` config names, and returns its outputs.
 *
 *   pulumi config set phiguard:workload imaging-archive   # or see Pulumi.<stack>.yaml
 *   pulumi up -s imaging-archive
 *   npx phiguard check --stack imaging-archive            # the same program, planned offline
 */
import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { readConfig, setting } from "./shared/config";
import { WORKLOAD_NAMES, WORKLOADS } from "./workloads";

export = async (): Promise<Record<string, pulumi.Input<unknown>>> => {
  const { workload } = readConfig({ workload: setting(z.enum(WORKLOAD_NAMES), `one of ${WORKLOAD_NAMES.join(", ")}`) });
  return WORKLOADS[workload]();
};

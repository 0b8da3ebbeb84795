/**
 * The entry of the root Pulumi project (`Pulumi.yaml`: `main: stacks/index.ts`): runs the
 * reference workload that the stack's `phiguard:workload` config names, and returns its outputs.
 *
 *   pulumi config set phiguard:workload imaging-archive   # or see Pulumi.<stack>.yaml
 *   pulumi up -s imaging-archive
 *   npx phiguard check --stack imaging-archive            # the same program, planned offline
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { readConfig, setting } from "./shared/config";
import { analyticsLake } from "./analytics-lake";
import { imagingArchive } from "./imaging-archive";
import { remoteMonitoring } from "./remote-monitoring";

/** The reference workloads, by the value of `phiguard:workload`. */
export const WORKLOADS = {
  "imaging-archive": imagingArchive,
  "remote-monitoring": remoteMonitoring,
  "analytics-lake": analyticsLake,
} as const satisfies Record<string, () => Record<string, pulumi.Input<unknown>>>;

export type Workload = keyof typeof WORKLOADS;
const NAMES = Object.keys(WORKLOADS) as [Workload, ...Workload[]];

export = async (): Promise<Record<string, pulumi.Input<unknown>>> => {
  const { workload } = readConfig({ workload: setting(z.enum(NAMES), `one of ${NAMES.join(", ")}`) });
  return WORKLOADS[workload]();
};

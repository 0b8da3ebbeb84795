/** The reference workloads, by the value of the stack config `phiguard:workload`. */
import type * as pulumi from "@pulumi/pulumi";
import { analyticsLake } from "./analytics-lake";
import { fhirPlatform } from "./fhir-platform";
import { imagingArchive } from "./imaging-archive";
import { remoteMonitoring } from "./remote-monitoring";

/** Each entry reads and validates its own config, declares its resources and returns its stack outputs. */
export const WORKLOADS = {
  "imaging-archive": imagingArchive,
  "remote-monitoring": remoteMonitoring,
  "analytics-lake": analyticsLake,
  "fhir-platform": fhirPlatform,
} as const satisfies Record<string, () => Record<string, pulumi.Input<unknown>>>;

export type Workload = keyof typeof WORKLOADS;
export const WORKLOAD_NAMES = Object.keys(WORKLOADS) as [Workload, ...Workload[]];

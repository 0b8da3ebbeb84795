/**
 * The data-residency rules: PHI, and every copy of it, stays in the allowed regions the pack is
 * configured with (`allowedRegions`; default the four commercial US regions). See `regions.ts`.
 */
import type { PhiguardPolicy } from "../../../engine/rule";
import phiReplicasInAllowedRegions from "./phi-replicas-in-allowed-regions";
import phiResourcesInAllowedRegions from "./phi-resources-in-allowed-regions";

export const residencyRules: PhiguardPolicy[] = [phiReplicasInAllowedRegions, phiResourcesInAllowedRegions];

export { DEFAULT_ALLOWED_REGIONS, PHI_COMPONENT_TYPES, type ResidencyConfig } from "./regions";

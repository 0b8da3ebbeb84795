/**
 * phiguard components: secure-by-default Pulumi ComponentResources for HIPAA workloads on AWS.
 */
export * from "./tags";
export * from "./keys";
export * from "./network";
export * from "./storage";
export * from "./audit";
export * from "./backup";
export * from "./cluster";
export * from "./account";
export * from "./monitoring";

export * from "./backupPlan";

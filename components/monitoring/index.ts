export * from "./securityEvents";
export * from "./securityMonitoring";

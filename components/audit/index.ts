export * from "./auditTrail";

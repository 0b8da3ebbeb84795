export * from "./cidr";
export * from "./regions";
export * from "./multiRegionNetwork";

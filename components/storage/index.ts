export type { IamStatement, IamPolicyDocument, RegionProviders } from "./common";
export * from "./lifecycle";
export * from "./bucketPolicy";
export * from "./phiBucket";

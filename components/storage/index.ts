export type { IamStatement, IamPolicyDocument, RegionProviders } from "./common";
export * from "./lifecycle";
export * from "./bucketPolicy";
export * from "./phiBucket";
export * from "./phiDatabase";
export * from "./phiTable";
export * from "./phiQueue";

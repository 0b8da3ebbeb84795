export * from "./keyPolicy";
export * from "./envelopeKey";

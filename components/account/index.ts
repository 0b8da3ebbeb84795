export * from "./accountBaseline";

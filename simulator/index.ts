/** The simulated Customer Service host: development and test code only, never shipped. */
export * from "./catalog";
export * from "./dataset";
export * from "./query";
export * from "./OmnichannelSimulator";
export * from "./scenarios";
export { SeededRandom } from "./random";
export * from "./apm";
export * from "./metadata";

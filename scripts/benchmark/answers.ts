/**
 * Answers for the browser benchmark: `n` conversation records as the simulated host returns them
 * (the simulator's own data set and projection), wrapped in the host's success envelope. Every
 * agent's conversations are pooled so that any row count can be asked for.
 */
import { OmnichannelSimulator, SIMULATED_AGENTS } from "../../simulator";

export const BENCH_NOW = new Date("2026-11-21T12:00:00Z");
export const BENCH_COLUMNS = ["msdyn_title", "statuscode", "msdyn_channel", "msdyn_customer", "msdyn_queueid", "createdon"];
const ALL_STATUSES = [1, 2, 3, 4, 5, 6, 7];

/** The JSON text of a host answer with exactly `n` records. */
export function benchAnswer(n: number): string {
    let count = Math.ceil(n * 1.5);
    for (;;) {
        const simulator = new OmnichannelSimulator({ count, now: () => BENCH_NOW });
        const records = SIMULATED_AGENTS.flatMap((agent) => simulator.query({ agentId: agent.id, attributes: BENCH_COLUMNS, status: ALL_STATUSES }));
        if (records.length >= n) {
            const value = records.slice(0, n);
            return JSON.stringify({ status: true, result: { "@odata.context": "bench", value } });
        }
        count *= 2;
    }
}

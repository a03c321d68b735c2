/** A small, fast, seeded pseudo-random generator (mulberry32) and helpers: same seed, same data. */
export class SeededRandom {
    private state: number;

    constructor(seed: number) {
        this.state = seed >>> 0;
    }

    /** A float in [0, 1). */
    next(): number {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }

    /** An integer in [min, max]. */
    int(min: number, max: number): number {
        return min + Math.floor(this.next() * (max - min + 1));
    }

    chance(probability: number): boolean {
        return this.next() < probability;
    }

    pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.next() * items.length)];
    }

    /** Picks a key by relative weight. */
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
        let total = 0;
        for (const [, weight] of entries) total += weight;
        let roll = this.next() * total;
        for (const [value, weight] of entries) {
            roll -= weight;
            if (roll < 0) return value;
        }
        return entries[entries.length - 1][0];
    }

    /** An unsigned 32-bit integer. */
    uint32(): number {
        return Math.floor(this.next() * 4294967296) >>> 0;
    }

    /** A version-4 shaped GUID, lowercase, no braces. */
    guid(): string {
        const h = (n: number, width: number): string => n.toString(16).padStart(width, "0");
        const a = this.uint32();
        const b = this.uint32();
        const c = this.uint32();
        const d = this.uint32();
        const time = h(b >>> 16, 4);
        const version = h(0x4000 | (b & 0x0fff), 4);
        const variant = h(0x8000 | ((c >>> 16) & 0x3fff), 4);
        return `${h(a, 8)}-${time}-${version}-${variant}-${h(c & 0xffff, 4)}${h(d, 8)}`;
    }
}

/**
 * Seeded randomness: the simulator must give the same data for the same seed and inputs, on every run and
 * machine, so tests can assert on it and benchmarks are comparable. Never use Math.random() in providers.
 */

/** FNV-1a with a murmur3 finaliser: turns a seed plus keys into a well-mixed 32-bit PRNG seed. */
function hashKeys(seed: number, keys: ReadonlyArray<string | number>): number {
	let hash = 0x811c9dc5 ^ seed;
	for (const char of keys.join('\u0000')) {
		hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193);
	}
	hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
	hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
	return (hash ^ (hash >>> 16)) >>> 0;
}

/** A mulberry32 generator with the few helpers the providers need. */
export class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** Uniform float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [min, max], both inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	bytes(count: number): number[] {
		return Array.from({ length: count }, () => this.int(0, 255));
	}

	/** A lowercase version-4-shaped GUID, as .NET's Guid.NewGuid() would print it. */
	guid(): string {
		const hex = this.bytes(16)
			.map((byte) => byte.toString(16).padStart(2, '0'))
			.join('');
		const variant = '89ab'[this.int(0, 3)];
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
	}
}

/** An independent generator for one piece of data, e.g. `randomFor(seed, 'iris-sessions', mobileNo)`. */
export function randomFor(seed: number, ...keys: Array<string | number>): Random {
	return new Random(hashKeys(seed, keys));
}

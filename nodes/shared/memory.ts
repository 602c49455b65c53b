/**
 * What a trigger keeps in this process's memory besides its static data (recent ids, waits, bursts): bounded, so
 * that a long-running n8n with many triggers does not grow without end.
 */

/** Bounded insertion-ordered set: the oldest ids are forgotten first; adding one again makes it the newest. */
export class RecentIds {
	private readonly ids = new Set<string>();

	constructor(private readonly max: number) {}

	has(id: string): boolean {
		return this.ids.has(id);
	}

	add(id: string): void {
		this.ids.delete(id);
		this.ids.add(id);
		if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value as string);
	}

	list(): string[] {
		return [...this.ids];
	}
}

/** The default number of trigger nodes (workflow + node) a process keeps memories for. */
export const MAX_SCOPES = 1000;

/** One memory per scope (a trigger node), made by `create`; the least recently used scopes beyond `max` are dropped. */
export function scopedMemory<T>(create: () => T, max = MAX_SCOPES): (scope: string) => T {
	const memories = new Map<string, T>();
	return (scope) => {
		let memory = memories.get(scope);
		if (memory !== undefined) memories.delete(scope);
		memory ??= create();
		memories.set(scope, memory);
		if (memories.size > max) memories.delete(memories.keys().next().value as string);
		return memory;
	};
}

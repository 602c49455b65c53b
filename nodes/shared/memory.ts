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

/** The default number of memories (a trigger node, or a trigger node and key) a process keeps. */
export const MAX_SCOPES = 1000;

/** One memory per scope; the least recently used scopes beyond `max` are dropped. */
export class ScopedMemories<T> {
	private readonly memories = new Map<string, T>();

	constructor(private readonly max = MAX_SCOPES) {}

	/** The scope's memory, made by `create` the first time (or after it was dropped); now the most recently used. */
	of(scope: string, create: () => T): T {
		let memory = this.memories.get(scope);
		if (memory !== undefined) this.memories.delete(scope);
		memory ??= create();
		this.memories.set(scope, memory);
		if (this.memories.size > this.max) this.memories.delete(this.memories.keys().next().value as string);
		return memory;
	}

	/** The scope's memory if this process has one, its recency unchanged. */
	peek(scope: string): T | undefined {
		return this.memories.get(scope);
	}
}

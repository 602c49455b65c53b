/**
 * Wavy Session → Get Many Open on a 100,000-row CSV: items and heap growth, in n8n-core's WorkflowExecute.
 * (The Wavy Trigger under load, in a real n8n, is in ./overload.ts.)
 * Run alone with `node --expose-gc -r ts-node/register/transpile-only -r reflect-metadata test/bench/wavy.ts`
 * (after `npm run build`). Exits 1 when a goal is missed: 100,000 items.
 */
import { runNode } from '../engine/harness';
import { openSessions, wavyStore } from '../engine/wavy.fixture';
import { startSimulator } from '../simulator';
import { WAVY_CUSTOMER_ID } from '../simulator/providers/wavy-data';

export interface BenchRow {
	name: string;
	figures: string;
	ok: boolean;
}

export async function benchWavyCsv(rows = 100_000): Promise<BenchRow> {
	const sim = await startSimulator({ quiet: true, sizes: { wavyOpenSessions: rows } });
	try {
		const store = await wavyStore(sim);
		global.gc?.();
		const heapBefore = process.memoryUsage().heapUsed;
		const started = process.hrtime.bigint();
		const result = await runNode(openSessions({ customerId: WAVY_CUSTOMER_ID }), [{}], store);
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		const items = result.output('Wavy').length;
		global.gc?.();
		const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
		const perItemBytes = ((heapMb * 2 ** 20) / Math.max(items, 1)).toFixed(0);
		return {
			name: `Wavy Session → Get Many Open, ${rows.toLocaleString('en')}-row CSV`,
			figures: `${items} items in ${ms.toFixed(0)} ms; heap growth ${heapMb.toFixed(1)} MB with the items held (${perItemBytes} B/item)`,
			ok: items === rows && result.error('Wavy') === undefined,
		};
	} finally {
		await sim.close();
	}
}

export function printRows(rows: BenchRow[]): void {
	for (const row of rows) process.stdout.write(`${row.ok ? 'ok    ' : 'MISSED'}  ${row.name}: ${row.figures}\n`);
}

if (require.main === module) {
	process.env.N8N_LOG_LEVEL = 'silent';
	void (async () => {
		const rows = [await benchWavyCsv()];
		printRows(rows);
		process.exitCode = rows.every((row) => row.ok) ? 0 : 1;
	})();
}

/**
 * Side by side in one real n8n (issue 17): our nodes against n8n's HTTP Request node wired by hand, same n8n,
 * same simulator settings, same run. Cases (a) to (d); (e) and (f) are ./trigger-cost.ts and ./package.ts.
 * BENCH_CASES (e.g. `sends,d`) runs only some: a, b, c, sends, d.
 */
import type { CaseResult } from './figures';
import { loginCase, netcoreCase, readCase } from './reads';
import { sendCase } from './sends';
import { startBenchSession } from './session';

export interface RealBenchOptions {
	n8nPort: number;
	simulatorPort: number;
	tarball: string;
	/** The in-engine all-at-once comparison of case (c), measured before n8n starts. */
	allAtOnce: { ms: number; referenceMs: number; detail: string };
	log: (line: string) => void;
	extraEnv?: Record<string, string>;
}

export async function realBench(options: RealBenchOptions): Promise<CaseResult[]> {
	const only = process.env.BENCH_CASES?.split(',');
	const wanted = (id: string) => !only || only.includes(id);
	const session = await startBenchSession(options);
	const results: CaseResult[] = [];
	const step = async (id: string, run: () => Promise<CaseResult>) => {
		if (!wanted(id)) return;
		options.log(`case ${id}…`);
		results.push(await run());
	};
	try {
		await step('a', async () => await loginCase(session));
		await step('b', async () => await netcoreCase(session));
		await step('c', async () => await readCase(session, options.allAtOnce));
		await step('sends', async () => await sendCase(session, { id: 'sends', title: 'Sends: 200 to 20 recipients at 50 ms, the provider takes 10 at once', sends: 200, recipients: 20, latencyMs: 50, limit: 10, maxRatio: 1.2, retryVariant: true }));
		await step('d', async () => await sendCase(session, { id: 'd', title: '(d) Mehery: 1,000 sends to 100 recipients at 50 ms, Mehery takes 20 at once', sends: 1000, recipients: 100, latencyMs: 50, limit: 20, maxRatio: 1.3 }));
	} finally {
		await session.close();
	}
	return results;
}

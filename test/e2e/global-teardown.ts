export default async function globalTeardown(): Promise<void> {
	const e2e = (globalThis as { __e2e?: { stop: () => Promise<unknown> } }).__e2e;
	await e2e?.stop();
}

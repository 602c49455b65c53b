/** Starting and stopping the server without leaving a listener or a timer behind. */
import type { Server } from 'node:http';

export function listen(server: Server, port: number): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			const address = server.address();
			resolve(typeof address === 'object' && address ? address.port : port);
		});
	});
}

/** Delays that can all be cancelled at once, so `close()` leaves no timer behind. */
export function cancellableDelays() {
	const timers = new Set<NodeJS.Timeout>();
	return {
		wait: (ms: number) =>
			new Promise<void>((resolve) => {
				const timer = setTimeout(() => {
					timers.delete(timer);
					resolve();
				}, ms);
				timers.add(timer);
			}),
		cancelAll: () => {
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
		},
	};
}

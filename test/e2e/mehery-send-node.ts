/** The Mehery Message → Send node of the sends-once workflows (e2e and queue mode): "Order <id> has shipped" to `$json.phone`. */
export interface SendSettings {
	/** The node's Options (e.g. an Idempotency Key). */
	options?: Record<string, unknown>;
	/** Node settings such as retryOnFail. */
	settings?: Record<string, unknown>;
}

export function meherySendNode(id: string, packageName: string, credential: { id: string; name: string } | undefined, send: SendSettings = {}) {
	return {
		id,
		name: 'Send',
		type: `${packageName}.mehery`,
		typeVersion: 1,
		position: [400, 0],
		parameters: {
			resource: 'message',
			operation: 'send',
			channelId: { __rl: true, mode: 'id', value: 'wa360:919999998888' },
			recipientType: 'phone',
			recipient: '={{ $json.phone }}',
			messageType: 'text',
			text: '=Order {{ $json.orderId }} has shipped',
			options: send.options ?? {},
		},
		credentials: { meheryXmsApi: credential },
		...send.settings,
	};
}

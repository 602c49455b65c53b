/**
 * Whether a provider can plausibly reach n8n's webhook URL. n8n builds that URL from its WEBHOOK_URL setting; on a
 * laptop or behind a proxy it is often `http://localhost:5678/...`, which a provider on the internet cannot call.
 * Registering it anyway makes the trigger look active while nothing ever arrives, so we refuse early and say
 * why. A provider that is itself on a private or loopback address (an on-premise install, a local simulator) can
 * reach such URLs, so then nothing is refused.
 */

export const WEBHOOK_URL_HINT =
	'n8n gives the provider the URL from its WEBHOOK_URL setting. Set WEBHOOK_URL to the public https address ' +
	'under which this n8n is reachable from the internet (for example https://n8n.example.com/), restart n8n ' +
	'and activate the workflow again. See https://docs.n8n.io/hosting/configuration/configuration-examples/webhook-url/';

function isPrivateIpv4(host: string): boolean {
	const parts = host.split('.').map(Number);
	if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) return false;
	const [a, b] = parts;
	return a === 10 || a === 127 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
}

function isPrivateIpv6(host: string): boolean {
	const address = host.replace(/^\[|\]$/g, '').toLowerCase();
	if (!address.includes(':')) return false;
	return address === '::1' || address === '::' || /^f[cd][0-9a-f]{2}:/.test(address) || /^fe[89ab][0-9a-f]:/.test(address) || address.startsWith('::ffff:127.');
}

/** Loopback, private-range, link-local, or a name that only means something on this network. */
export function isLocalHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/\.$/, '');
	if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
	if (isPrivateIpv4(host) || isPrivateIpv6(host)) return true;
	// A single label ("n8n", a Docker service name) resolves only inside its own network.
	return !host.includes('.') && !host.includes(':');
}

/** A sentence saying why the provider cannot reach `webhookUrl`, or undefined when it plausibly can. */
export function unreachableReason(webhookUrl: string, providerUrl: string, options: { requiresHttps?: boolean } = {}): string | undefined {
	let webhook: URL;
	let provider: URL;
	try {
		webhook = new URL(webhookUrl);
		provider = new URL(providerUrl);
	} catch {
		return undefined;
	}
	if (isLocalHost(provider.hostname)) return undefined;
	if (isLocalHost(webhook.hostname)) {
		return `The webhook URL ${webhookUrl} points at ${webhook.hostname}, which ${provider.hostname} cannot reach from the internet.`;
	}
	if (options.requiresHttps && webhook.protocol !== 'https:') {
		return `The webhook URL ${webhookUrl} uses plain http, and the provider only calls https URLs.`;
	}
	return undefined;
}

/**
 * Why `provider` (at `providerUrl`) cannot call `webhookUrl`, as one sentence for an error message, or undefined
 * when it plausibly can: what a trigger says on activation and a node that sets a webhook says before its request.
 */
export function webhookRefusal(provider: string, webhookUrl: string, providerUrl: string, options: { requiresHttps?: boolean } = {}): string | undefined {
	const reason = unreachableReason(webhookUrl, providerUrl, options);
	return reason && `${provider} cannot call this webhook. ${reason}`;
}

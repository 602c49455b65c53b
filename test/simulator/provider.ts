/** The contract between the simulator machinery and a provider module (one per spec in providers/). */
import type { IncomingHttpHeaders } from 'node:http';
import type { TokenIssuer } from './tokens';
import type { SendWebhookOptions, WebhookResponse } from './types';
import type { WebhookRegistry } from './webhooks';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a route handler sees. `path` is relative to the provider's mount point, without the query string. */
export interface SimRequest {
	method: string;
	path: string;
	params: Record<string, string>;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	/** Parsed JSON when the request declared a JSON content type, otherwise the raw text (or undefined). */
	body: unknown;
}

export type Reply = { status: number; headers?: Record<string, string> } & (
	{ json: unknown } | { text: string; contentType: string }
);

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
	return { status, json: body, headers };
}

export function text(
	status: number,
	body: string,
	contentType: string,
	headers?: Record<string, string>,
): Reply {
	return { status, text: body, contentType, headers };
}

/**
 * Outcome of a provider's credential check. `scheme` and `tokenId` go into the request log so tests can
 * assert which credential was used without the log ever holding the secret itself.
 */
export interface AuthCheck {
	scheme?: string;
	tokenId?: number;
	/** Set when the request must be refused; the route handler then does not run. */
	rejection?: Reply;
}

export interface Route {
	method: HttpMethod;
	/** Relative to the provider's mount point; `:name` segments become `request.params.name`. */
	path: string;
	/** Whether the provider's `authenticate` hook must accept the request first. */
	auth: boolean;
	handler: (request: SimRequest) => Reply | Promise<Reply>;
}

export interface ProviderModule {
	/** Mount point and key in `Simulator.providers`: routes live under `/<name>`. */
	name: string;
	/** Test credentials that the provider accepts, as a node's credential would hold them. */
	credentials: Record<string, string>;
	routes: Route[];
	authenticate?: (request: SimRequest) => AuthCheck;
}

/** Data sizes, so tests can stay tiny and benchmarks can ask for thousands of records. */
export interface SimulatorSizes {
	irisConversationsPerNumber?: number;
	irisMessagesPerConversation?: number;
	/** Destinations per CTLive outbound message when a test does not name them (default 1). */
	ctliveDestinations?: number;
	netcoreUsersPerChannel?: number;
	netcoreTranscriptsPerUser?: number;
	meheryTemplates?: number;
	meherySessions?: number;
	meheryMessagesPerSession?: number;
	/** Rows of the Wavy account customer's open-sessions CSV (default 25, up to 100,000). */
	wavyOpenSessions?: number;
}

/**
 * Where a spec allows more than one reading of what the provider sends, which one the simulator serves, so tests
 * can meet each. Unset: the spec's literal reading when strict, else the common one.
 */
export interface SimulatorVariants {
	/** Header of the origin column in Wavy's open-sessions CSV: the spec's prose says "origem", its samples "origin". */
	wavyOriginColumn?: 'origem' | 'origin';
}

/** What the machinery hands each provider when the simulator starts. */
export interface ProviderEnv {
	seed: number;
	sizes: SimulatorSizes;
	variants: SimulatorVariants;
	/** The literal reading of the spec (`SimulatorOptions.strict`, default true). */
	strict: boolean;
	/** This provider's own token issuer (`Simulator.expireTokens(name)` acts on it). */
	tokens: TokenIssuer;
	/** http://127.0.0.1:PORT, for providers that hand out links back to themselves. */
	simulatorUrl: string;
	/** Every provider's webhook subscriptions (`Simulator.webhooks`), shared. */
	webhooks: WebhookRegistry;
	/** `Simulator.sendWebhook`, with `provider` defaulting to this provider's name. */
	sendWebhook: (url: string, options: SendWebhookOptions) => Promise<WebhookResponse>;
}

export type ProviderFactory = (env: ProviderEnv) => ProviderModule;

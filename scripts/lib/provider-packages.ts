/**
 * The per-provider packages built from this one source tree (issue 15: n8n verifies only packages with exactly
 * one third-party service). The combined `n8n-nodes-chat-providers` stays the root package.json; each entry here
 * becomes its own package with only the nodes under `nodes/<nodeFolder>/`, the credentials those nodes use, and
 * the files they require (computed from dist/, see require-graph.ts).
 */
export interface ProviderPackage {
	/** npm package name (n8n loads only `n8n-nodes-*`). */
	name: string;
	/** The provider as the README names it; its `### <provider>` node section heading. */
	provider: string;
	/** `docs/<slug>.md`, and the e2e and editor tests' key. */
	slug: string;
	/** `nodes/<nodeFolder>/`: every node listed in the root package.json under this folder belongs here. */
	nodeFolder: string;
	description: string;
	keywords: string[];
	/** Main README headings copied into this package's README, in this order (besides the node section). */
	readmeSections: { credentials: string[]; deviations: string; shared: string[] };
}

export const PROVIDER_PACKAGES: ProviderPackage[] = [
	{
		name: 'n8n-nodes-irisengage',
		provider: 'IrisEngage',
		slug: 'irisengage',
		nodeFolder: 'IrisEngage',
		description: 'n8n node for IrisEngage: WhatsApp conversation history and messages',
		keywords: ['irisengage', 'whatsapp', 'chat history'],
		readmeSections: { credentials: ['IrisEngage API'], deviations: 'IrisEngage: spec deviations and choices', shared: ['Speed and rate limits'] },
	},
	{
		name: 'n8n-nodes-netcore-bot',
		provider: 'Netcore Bot',
		slug: 'netcore-bot',
		nodeFolder: 'NetcoreBot',
		description: 'n8n nodes for the Netcore Bot Open API: bot usage, bot users, transcripts and a new-user trigger',
		keywords: ['netcore', 'chatbot', 'bot users', 'transcripts'],
		readmeSections: { credentials: ['Netcore Bot API'], deviations: 'Netcore Bot: spec deviations and choices', shared: ['Speed and rate limits'] },
	},
	{
		name: 'n8n-nodes-mehery',
		provider: 'Mehery XMS',
		slug: 'mehery',
		nodeFolder: 'Mehery',
		description: 'n8n nodes for Mehery XMS: send every message type, sessions, configuration, analytics and an inbound trigger',
		keywords: ['mehery', 'xms', 'whatsapp', 'chat'],
		readmeSections: {
			credentials: ['Mehery XMS API'],
			deviations: 'Mehery XMS: spec deviations and choices',
			shared: ['Speed and rate limits', 'Sent once, however n8n retries', 'Send and Wait for Reply', 'Combine Messages Sent Within'],
		},
	},
	{
		name: 'n8n-nodes-ctlive',
		provider: 'CTLive',
		slug: 'ctlive',
		nodeFolder: 'CtLive',
		description: "n8n nodes for CTLive's channel API: n8n as a messaging channel of a CTLive contact centre, both directions",
		keywords: ['ctlive', 'enghouse', 'contact center', 'infobip'],
		readmeSections: {
			credentials: ['CTLive API', 'CTLive Webhook API'],
			deviations: 'CTLive: spec deviations and choices',
			shared: ['Speed and rate limits', 'Sent once, however n8n retries', 'Send and Wait for Reply', 'Combine Messages Sent Within'],
		},
	},
	{
		name: 'n8n-nodes-wavy',
		provider: 'Wavy',
		slug: 'wavy',
		nodeFolder: 'Wavy',
		description: 'n8n nodes for Wavy (Sinch) Messaging: open WhatsApp sessions and incoming message batches',
		keywords: ['wavy', 'sinch', 'whatsapp'],
		readmeSections: { credentials: ['Wavy API'], deviations: 'Wavy: spec deviations and choices', shared: ['Speed and rate limits', 'Combine Messages Sent Within'] },
	},
];

export function providerPackage(slug: string): ProviderPackage {
	const found = PROVIDER_PACKAGES.find((entry) => entry.slug === slug || entry.name === slug);
	if (!found) throw new Error(`no provider package "${slug}"`);
	return found;
}

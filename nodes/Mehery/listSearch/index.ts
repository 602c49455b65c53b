import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listChannelsMarked, listTemplates } from '../api';

const SANDBOX = 'Sandbox';

/** Searchable dropdowns: the account's channels, and the templates approved for the chosen channel. */

const matches = (filter: string | undefined, ...fields: Array<unknown>) => {
	const needle = (filter ?? '').trim().toLowerCase();
	return needle === '' || fields.some((field) => String(field ?? '').toLowerCase().includes(needle));
};

/** Live channels first, then sandbox (test) ones, each of those marked so. */
export async function searchChannels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const channels = await listChannelsMarked(this);
	return {
		results: channels
			.filter((channel) => matches(filter, channel.name, channel.channelId, channel.lane, channel.contactType, channel.sandbox ? SANDBOX : ''))
			.sort((a, b) => Number(a.sandbox) - Number(b.sandbox))
			.map((channel) => ({
				name: `${channel.sandbox ? `[${SANDBOX}] ` : ''}${channel.name ?? channel.channelId} (${channel.contactType ?? 'channel'} ${channel.lane ?? channel.channelId})`,
				value: channel.channelId,
			})),
	};
}

export async function searchTemplates(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	let channelId = '';
	try {
		channelId = String(this.getCurrentNodeParameter('channelId', { extractValue: true }) ?? '');
	} catch {
		// No channel chosen yet (or an expression that cannot resolve here): list every template.
	}
	const templates = await listTemplates(this, channelId ? { channelId, channelStatus: 'APPROVED' } : {});
	return {
		results: templates
			.filter((template) => template.code && matches(filter, template.code, template.name, template.id))
			.map((template) => ({
				name: `${template.name ?? template.code} (${template.code}${template.lang ? `, ${template.lang}` : ''})`,
				value: template.code as string,
			})),
	};
}

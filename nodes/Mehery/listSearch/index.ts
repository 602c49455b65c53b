import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listChannels, listTemplates } from '../api';

/** Searchable dropdowns: the account's channels, and the templates approved for the chosen channel. */

const matches = (filter: string | undefined, ...fields: Array<unknown>) => {
	const needle = (filter ?? '').trim().toLowerCase();
	return needle === '' || fields.some((field) => String(field ?? '').toLowerCase().includes(needle));
};

export async function searchChannels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const channels = await listChannels(this, true);
	return {
		results: channels
			.filter((channel) => matches(filter, channel.name, channel.channelId, channel.lane, channel.contactType))
			.map((channel) => ({
				name: `${channel.name ?? channel.channelId} (${channel.contactType ?? 'channel'} ${channel.lane ?? channel.channelId})`,
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

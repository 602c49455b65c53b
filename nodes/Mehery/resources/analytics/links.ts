import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';

/** DigitalObjectLink: ties a pushed record or event to other records (e.g. an order to a customer). */
export function linksField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Links',
		name: 'links',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Link',
		default: {},
		description: 'Other records this one relates to',
		displayOptions: { show },
		options: [
			{
				name: 'link',
				displayName: 'Link',
				values: [
					{ displayName: 'Link Name', name: 'linkName', type: 'string', default: '', placeholder: 'customer' },
					{ displayName: 'Link Type', name: 'linkType', type: 'string', default: '', placeholder: 'CUSTOMER' },
					{ displayName: 'Link Value', name: 'linkValue', type: 'string', default: '', placeholder: 'C34567' },
				],
			},
		],
	};
}

export interface Link {
	linkName: string;
	linkType: string;
	linkValue: string;
}

/** The spec requires all three strings of every link. */
export function readLinks(context: IExecuteFunctions, itemIndex: number): Link[] {
	const collection = context.getNodeParameter('links', itemIndex, {}) as { link?: Array<Partial<Link>> };
	return (collection.link ?? []).map((link, index) => {
		const entry = { linkName: String(link.linkName ?? '').trim(), linkType: String(link.linkType ?? '').trim(), linkValue: String(link.linkValue ?? '').trim() };
		const missing = Object.entries(entry).find(([, value]) => value === '');
		if (missing) throw invalidParameter(context.getNode(), 'Links', `link ${index + 1} needs a ${missing[0]}`, itemIndex);
		return entry;
	});
}

import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { dispatch } from '../shared/operation';
import { defineResources } from '../shared/resource';
import { searchChannels, searchTemplates } from './listSearch';
import { analytics } from './resources/analytics';
import { configuration } from './resources/configuration';
import { contact } from './resources/contact';
import { message } from './resources/message';
import { session } from './resources/session';

const resources = defineResources([message, session, configuration, contact, analytics], 'message');

export class Mehery implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mehery',
		name: 'mehery',
		icon: { light: 'file:mehery.svg', dark: 'file:mehery.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send messages, route and close sessions, and configure Mehery XMS',
		defaults: { name: 'Mehery' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'meheryXmsApi', required: true }],
		properties: resources.properties,
	};

	methods = { listSearch: { searchChannels, searchTemplates } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await dispatch(this, resources.operations);
	}
}

import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { dispatch } from '../shared/operation';
import { CREDENTIAL_TYPE } from './api';
import { defineResources } from '../shared/resource';
import { conversation } from './resources/conversation';
import { message } from './resources/message';

const resources = defineResources([conversation, message]);

export class IrisEngage implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'IrisEngage',
		name: 'irisEngage',
		icon: { light: 'file:irisengage.svg', dark: 'file:irisengage.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read WhatsApp conversation history from IrisEngage',
		defaults: { name: 'IrisEngage' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'irisEngageApi', required: true }],
		properties: resources.properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await dispatch(this, resources.operations, { sessionToken: { credentialType: CREDENTIAL_TYPE, field: 'sessionToken' } });
	}
}

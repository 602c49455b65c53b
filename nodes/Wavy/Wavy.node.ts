import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { dispatch } from '../shared/operation';
import { defineResources } from '../shared/resource';
import { CREDENTIAL_TYPE } from './api';
import { session } from './resources/session';

const resources = defineResources([session]);

export class Wavy implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wavy',
		name: 'wavy',
		icon: { light: 'file:wavy.svg', dark: 'file:wavy.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read open WhatsApp sessions from Wavy / Sinch Messaging',
		defaults: { name: 'Wavy' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: resources.properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await dispatch(this, resources.operations);
	}
}

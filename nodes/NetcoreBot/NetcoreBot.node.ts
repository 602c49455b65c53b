import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { dispatch } from '../shared/operation';
import { CREDENTIAL_TYPE } from './api';
import { defineResources } from '../shared/resource';
import { searchBotUsers } from './listSearch/searchBotUsers';
import { transcript } from './resources/transcript';
import { usage } from './resources/usage';
import { user } from './resources/user';

const resources = defineResources([transcript, user, usage]);

export class NetcoreBot implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Netcore Bot',
		name: 'netcoreBot',
		icon: { light: 'file:netcorebot.svg', dark: 'file:netcorebot.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read bot usage, bot users and transcripts from the Netcore Bot Open API',
		defaults: { name: 'Netcore Bot' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'netcoreBotApi', required: true }],
		properties: resources.properties,
	};

	methods = { listSearch: { searchBotUsers } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await dispatch(this, resources.operations, { sessionToken: { credentialType: CREDENTIAL_TYPE, field: 'authToken' } });
	}
}

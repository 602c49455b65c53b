import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ctLiveApiCredentialTest } from './credentialTest';
import { dispatch } from '../shared/operation';
import { defineResources } from '../shared/resource';
import { message } from './resources/message';
import { report } from './resources/report';

const resources = defineResources([message, report]);

export class CtLive implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CTLive',
		name: 'ctLive',
		icon: { light: 'file:ctlive.svg', dark: 'file:ctlive.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: "Act as a messaging channel of CTLive's contact centre: pass customer messages in, report deliveries back",
		defaults: { name: 'CTLive' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// CTLive has no read call for a request-based Test: the node's method tests the credential.
		credentials: [{ name: 'ctLiveApi', required: true, testedBy: 'ctLiveApiCredentialTest' }],
		properties: resources.properties,
	};

	methods = { credentialTest: { ctLiveApiCredentialTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await dispatch(this, resources.operations);
	}
}

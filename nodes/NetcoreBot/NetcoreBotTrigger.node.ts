import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { PollState } from './trigger/newUsers';
import { pollNewUsers, sampleUsers, userRows } from './trigger/newUsers';
import { readTriggerSettings, triggerProperties } from './trigger/properties';

export class NetcoreBotTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Netcore Bot Trigger',
		name: 'netcoreBotTrigger',
		icon: { light: 'file:netcorebot.svg', dark: 'file:netcorebot.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'New bot users',
		description: 'Starts the workflow when new bot users appear in Netcore (polling)',
		defaults: { name: 'Netcore Bot Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'netcoreBotApi', required: true }],
		// A copy per node: n8n adds parameters (a polling trigger's Poll Times) to this array in place.
		properties: [...triggerProperties],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = readTriggerSettings(this);
		if (this.getMode() === 'manual') {
			const sample = await sampleUsers(this, settings);
			return sample.length > 0 ? [this.helpers.returnJsonArray(await userRows(this, sample, settings))] : null;
		}
		const state = this.getWorkflowStaticData('node') as PollState;
		const { users, next } = await pollNewUsers(this, settings, state);
		const rows = users.length > 0 ? await userRows(this, users, settings) : [];
		// Only now, with every row built: a failed poll leaves the state as it was and is retried next time.
		Object.assign(state, next);
		return rows.length > 0 ? [this.helpers.returnJsonArray(rows)] : null;
	}
}

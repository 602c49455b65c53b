/**
 * The parameters of a "Send and Wait for Reply" operation beyond what the provider's Send has, and their reader.
 * Every refusal names the field, before anything is registered or sent.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../errors';
import type { Show } from '../fields';
import { parsePattern } from './replies';
import type { ReplyFilter } from './types';

export interface WaitFieldsSpec {
	/** e.g. 'Mehery Trigger'. */
	triggerName: string;
	/** The trigger's provider webhook path ('mehery'): its Production URL ends with it, its endpoint is published under it. */
	triggerPath: string;
	/** Which replies can count: every provider has any and pattern; buttons where its messages have buttons. */
	buttons: boolean;
	/** Whether a reply that does not count can be answered with a reprompt (the trigger can send messages). */
	reprompt: boolean;
}

export interface WaitParameters {
	/** Where the trigger that receives the reply is: this workflow's, or the one at `triggerUrl` (its Production URL). */
	triggerIn: 'thisWorkflow' | 'anotherWorkflow';
	triggerUrl?: string;
	timeLimitMs: number;
	accept: ReplyFilter;
	otherwise: 'execute' | 'reprompt';
	repromptText?: string;
}

const UNIT_MS: Record<string, number> = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 };
const MAX_TIME_LIMIT_MS = 365 * UNIT_MS.days;

export function waitFields(show: Show, spec: WaitFieldsSpec): INodeProperties[] {
	const displayOptions = { show };
	const when = (extra: Show) => ({ show: { ...show, ...extra } });
	return [
		{
			displayName: 'Trigger In',
			name: 'triggerIn',
			type: 'options',
			default: 'thisWorkflow',
			options: [
				{ name: 'This Workflow', value: 'thisWorkflow', description: `This workflow's ${spec.triggerName} receives the reply (the workflow must be active)` },
				{ name: 'Another Workflow', value: 'anotherWorkflow', description: `The ${spec.triggerName} at the Production URL below receives it` },
			],
			description: `Which ${spec.triggerName} receives the customer's messages, and so the reply`,
			displayOptions,
		},
		{
			displayName: `${spec.triggerName} Production URL`,
			name: 'triggerUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: `https://n8n.example.com/webhook/0b4c…/${spec.triggerPath}`,
			description: `The Production URL shown in that ${spec.triggerName}'s panel (the one the provider calls); its workflow must be active`,
			displayOptions: when({ triggerIn: ['anotherWorkflow'] }),
		},
		{
			displayName: 'Time Limit',
			name: 'timeLimit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 24,
			description: 'How long to wait for the reply; then the workflow continues on the No Reply output',
			displayOptions,
		},
		{
			displayName: 'Time Limit Unit',
			name: 'timeLimitUnit',
			type: 'options',
			default: 'hours',
			options: ['Seconds', 'Minutes', 'Hours', 'Days'].map((name) => ({ name, value: name.toLowerCase() })),
			displayOptions,
		},
		{
			displayName: 'Replies That Count',
			name: 'replyFilter',
			type: 'options',
			default: 'any',
			options: [
				{ name: 'Any Message', value: 'any', description: "The customer's next message" },
				...(spec.buttons ? [{ name: 'Button Replies Only', value: 'buttons', description: "A message naming one of the question's buttons" }] : []),
				{ name: 'Text Matching a Pattern', value: 'pattern', description: 'A message whose text matches a regular expression' },
			],
			displayOptions,
		},
		{
			displayName: 'Pattern',
			name: 'replyPattern',
			type: 'string',
			required: true,
			default: '',
			placeholder: '^\\d{5,}$',
			description: 'A regular expression (JavaScript), bare or as /pattern/flags, e.g. /^yes|no$/i',
			displayOptions: when({ replyFilter: ['pattern'] }),
		},
		{
			displayName: 'Other Replies',
			name: 'otherReplies',
			type: 'options',
			default: 'execute',
			options: [
				{ name: 'Start a Normal Execution', value: 'execute', description: `As if nobody waited: the ${spec.triggerName}'s workflow runs` },
				...(spec.reprompt ? [{ name: 'Answer With a Reprompt', value: 'reprompt', description: 'Send the text below (with the same buttons) and keep waiting' }] : []),
			],
			displayOptions: when({ replyFilter: spec.buttons ? ['buttons', 'pattern'] : ['pattern'] }),
		},
		...(spec.reprompt
			? [
					{
						displayName: 'Reprompt Text',
						name: 'repromptText',
						type: 'string',
						required: true,
						default: 'Sorry, I did not get that. Please answer the question above.',
						displayOptions: when({ otherReplies: ['reprompt'] }),
					} satisfies INodeProperties,
				]
			: []),
	];
}

export function readWaitParameters(context: IExecuteFunctions, spec: WaitFieldsSpec): WaitParameters {
	const fail = (field: string, problem: string) => invalidParameter(context.getNode(), field, problem, 0);
	const triggerIn = String(context.getNodeParameter('triggerIn', 0, 'thisWorkflow'));
	if (triggerIn !== 'thisWorkflow' && triggerIn !== 'anotherWorkflow') throw fail('Trigger In', `"${triggerIn}" is not This Workflow or Another Workflow`);
	const triggerUrl = triggerIn === 'anotherWorkflow' ? String(context.getNodeParameter('triggerUrl', 0, '') ?? '').trim() : undefined;
	const amount = Number(context.getNodeParameter('timeLimit', 0, 24));
	const unit = String(context.getNodeParameter('timeLimitUnit', 0, 'hours'));
	const timeLimitMs = amount * (UNIT_MS[unit] ?? NaN);
	if (!Number.isFinite(timeLimitMs) || timeLimitMs < 1_000 || timeLimitMs > MAX_TIME_LIMIT_MS) {
		throw fail('Time Limit', `must be from 1 second to 365 days, got ${amount} ${unit}`);
	}
	const kind = String(context.getNodeParameter('replyFilter', 0, 'any'));
	let accept: ReplyFilter;
	if (kind === 'pattern') {
		const source = String(context.getNodeParameter('replyPattern', 0, '') ?? '');
		if (!source.trim()) throw fail('Pattern', 'must not be empty: give the regular expression a reply must match');
		try {
			accept = { kind: 'pattern', ...parsePattern(source) };
		} catch (error) {
			throw fail('Pattern', `is not a valid regular expression: ${(error as Error).message}`);
		}
	} else if (kind === 'any' || (kind === 'buttons' && spec.buttons)) {
		accept = { kind } as ReplyFilter;
	} else {
		throw fail('Replies That Count', `"${kind}" is not one of ${spec.buttons ? 'any, buttons, pattern' : 'any, pattern'}`);
	}
	const otherwise = accept.kind === 'any' ? 'execute' : String(context.getNodeParameter('otherReplies', 0, 'execute'));
	if (otherwise !== 'execute' && !(otherwise === 'reprompt' && spec.reprompt)) throw fail('Other Replies', `"${otherwise}" is not supported`);
	const repromptText = otherwise === 'reprompt' ? String(context.getNodeParameter('repromptText', 0, '') ?? '').trim() : undefined;
	if (otherwise === 'reprompt' && !repromptText) throw fail('Reprompt Text', 'must not be empty: it is sent to the customer');
	return { triggerIn: triggerIn as WaitParameters['triggerIn'], triggerUrl, timeLimitMs, accept, otherwise: otherwise as WaitParameters['otherwise'], repromptText };
}

/**
 * Item fields read straight from the items (nodes/shared/parameters.ts) give exactly what n8n's own expression
 * evaluation gives, and spare n8n's expression engine on every item of a send.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { Workflow, WorkflowExpression } from 'n8n-workflow';

import { fieldTemplate, renderFieldTemplate } from '../../nodes/shared/parameters';
import { startSimulator, type Simulator } from '../simulator';
import { deduplicationStore } from './deduplication-store';
import { loadPackage } from './package';
import { bodiesOf, MEHERY_NODE_TYPE, runMehery, SEND_ROUTE, sendParameters } from './mehery.fixture';

const items: INodeExecutionData[] = [
	{ json: { to: '919988776655', text: 'Hello', n: 42, f: 0.1 + 0.2, neg: -7, yes: true, no: false, empty: '', nested: { a: { b: 'deep' } }, list: ['first', 2], 'first name': 'Ada', quote: 'it\'s "x"' } },
	{ json: { to: 919988776656, text: 'Héllo {{ not an expression }}', n: 0, nested: { a: {} }, list: [] } },
	{ json: { to: null, text: ['a'], nested: 'flat', n: 1e21 } },
	{ json: {} },
];

const templates = [
	'={{ $json.to }}', '={{$json.text}}', '={{ $json.n }}', '={{ $json.f }}', '={{ $json.neg }}', '={{ $json.yes }}', '={{ $json.no }}',
	'={{ $json.empty }}', '={{ $json.nested.a.b }}', '={{ $json.list[0] }}', '={{ $json.list[1] }}', '={{ $json["first name"] }}',
	"={{ $json['first name'] }}", '={{ $json.quote }}', '={{ $json.missing }}', '={{ $json.nested }}', '={{ $json.nested.a }}',
	'={{ $json.to }}-{{ $json.text }}', '=order {{ $json.n }} for {{ $json["first name"] }}!', '= {{ $json.to }}', '={{ $json.to }}\n',
	'={{ $json.n }}{{ $json.f }}', '={{ $json.yes }} and text', '={{ $json.missing }}-x', '={{ $json.nested }}-x',
];

/** n8n's own answer: the parameter evaluated by the workflow's expression engine, as n8n-core does per item. */
async function n8nEvaluates() {
	const { nodeTypes } = await loadPackage();
	const node = { id: '1', name: 'Mehery', type: MEHERY_NODE_TYPE, typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return (template: string, itemIndex: number): unknown =>
		workflow.expression.getParameterValue(template, null, 0, itemIndex, node.name, items, 'manual', {});
}

describe('item fields read without the expression engine', () => {
	test('give what n8n evaluates, for every template and item where they answer; n8n decides the rest', async () => {
		const evaluate = await n8nEvaluates();
		let answered = 0;
		for (const template of templates) {
			const parsed = fieldTemplate(template);
			expect(parsed).toBeDefined();
			for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
				const fast = renderFieldTemplate(parsed!, items[itemIndex].json);
				if (fast === undefined) continue;
				answered++;
				expect({ template, itemIndex, value: fast }).toEqual({ template, itemIndex, value: evaluate(template, itemIndex) });
			}
		}
		// Most of the matrix takes the short way; a reader that always deferred to n8n would pass vacuously.
		expect(answered).toBeGreaterThanOrEqual(28);
	});

	test.each([
		['a missing field', '={{ $json.missing }}', 0],
		['null', '={{ $json.to }}', 2],
		['an object', '={{ $json.nested.a }}', 0],
		['an array', '={{ $json.text }}', 2],
		['a field of a string', '={{ $json.nested.a }}', 2],
		['a boolean inside text', '={{ $json.yes }} and text', 0],
	])('%s is left to n8n', (_, template, itemIndex) => {
		expect(renderFieldTemplate(fieldTemplate(template)!, items[itemIndex].json)).toBeUndefined();
	});

	test.each([
		'={{ $json.to.trim() }}', '={{ $json.to || "x" }}', '={{ $("Node").item.json.to }}', '={{ $json[$json.key] }}', '={{ $json.to }', '=\\{{ $json.to }}',
		'={{ $json.to }} {', 'plain text', '={{ $now }}', '=text only', 42, '={{ $json.constructor }}', '={{ $json["__proto__"].x }}',
	])('%s is not a plain field template', (raw) => {
		expect(fieldTemplate(raw)).toBeUndefined();
	});
});

describe('Mehery Message → Send reads item fields without evaluating them', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ quiet: true });
		await deduplicationStore(); // the Idempotency Key's store
	});
	beforeEach(() => sim.reset());
	afterAll(async () => await sim.close());

	/** Evaluations of expressions that read `$json`, counted where n8n's engine evaluates node parameters. */
	async function countingEvaluations<T>(run: () => Promise<T>): Promise<{ result: T; evaluations: number }> {
		const original = WorkflowExpression.prototype.getParameterValue;
		let evaluations = 0;
		WorkflowExpression.prototype.getParameterValue = function (this: WorkflowExpression, ...args: Parameters<typeof original>) {
			if (typeof args[0] === 'string' && args[0].includes('$json')) evaluations++;
			return original.apply(this, args);
		};
		try {
			return { result: await run(), evaluations };
		} finally {
			WorkflowExpression.prototype.getParameterValue = original;
		}
	}

	const input = Array.from({ length: 20 }, (_, i) => ({ to: `9199000000${String(i).padStart(2, '0')}`, text: `message ${i}`, order: i }));

	test('dragged-in fields: every message right, none evaluated by the engine', async () => {
		const parameters = sendParameters({ recipient: '={{ $json.to }}', text: '={{ $json.text }}', options: { idempotencyKey: '=order-{{ $json.order }}' } });
		const { result, evaluations } = await countingEvaluations(() => runMehery(sim, parameters, input));
		expect(result.error).toBeUndefined();
		expect(evaluations).toBe(0);
		const sent = bodiesOf(sim, SEND_ROUTE) as Array<{ to: { phone: string }; text: { body: string } }>;
		expect(sent.map((body) => [body.to.phone, body.text.body]).sort()).toEqual(input.map((item) => [item.to, item.text]).sort());
	});

	test('any other expression is evaluated by n8n as before, per item', async () => {
		const parameters = sendParameters({ recipient: '={{ $json.to.trim() }}', text: '={{ $json.text.toUpperCase() }}' });
		const { result, evaluations } = await countingEvaluations(() => runMehery(sim, parameters, input));
		expect(result.error).toBeUndefined();
		expect(evaluations).toBeGreaterThanOrEqual(2 * input.length);
		const sent = bodiesOf(sim, SEND_ROUTE) as Array<{ text: { body: string } }>;
		expect(sent.map((body) => body.text.body).sort()).toEqual(input.map((item) => item.text.toUpperCase()).sort());
	});
});

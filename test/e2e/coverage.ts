/**
 * The one place that says which real-n8n cases prove each published node and credential. A new provider adds
 * its node types and credential types here, each with the e2e tests that exercise them (full test names as jest
 * prints them: describe titles and test title joined by spaces). coverage.e2e.test.ts, run last, fails when
 * package.json's `n8n` section lists a node with no case or a credential that logs in with no wrong-secret
 * case, when this table names a type the package does not publish, or when a named test did not run and pass.
 */
export interface E2ECase {
	/** The test file's name in test/e2e/. */
	file: string;
	test: string;
}

const ASK_AND_RESUME =
	"Mehery Send and Wait for Reply, the order-number example in real n8n a customer's message starts one execution that asks and waits; another customer's message starts its own; the reply resumes the first, which finishes with it";
const TIME_LIMIT = 'Mehery Send and Wait for Reply with a time limit of 3 seconds, in real n8n the time limit takes the No Reply path; a message after it starts a normal execution';
const RESTART =
	'conversations across an n8n restart (an n8n of its own) a reply sent after n8n restarted during the wait resumes that execution, and a new customer is asked; a burst cut off by the restart starts its execution with the next delivery';
const BURST =
	'the burst-combining example, activated in real n8n five messages from one customer 300 ms apart make exactly one execution holding all five in order, and one reply; every delivery is answered before it starts';
const CTLIVE_ASK =
	"CTLive Send and Wait for Reply, the example in real n8n the question goes into CTLive and the execution waits; another customer's answer starts the trigger's own execution; the answer to this customer resumes it";

const OTHER_WORKFLOW =
	"where the waiting node finds the trigger, in real n8n another workflow: given the trigger's Production URL, a manual run asks and waits; the reply at that trigger resumes it and starts nothing there";
const ASKS_TWICE =
	'where the waiting node finds the trigger, in real n8n this workflow, asked again in the execution the first reply resumed: the second question waits too and its reply finishes it';

const CTLIVE_BRIDGE_RUN =
	'the CTLive bridge example, activated a delivery from CTLive starts exactly one execution with the normalized message, and its resend gets the same answer and none';

/** Node type → the e2e tests that run it inside n8n (at least one; a trigger needs one that fires it). */
export const NODE_CASES: Record<string, E2ECase[]> = {
	'n8n-nodes-chat-providers.irisEngage': [
		{ file: 'examples.e2e.test.ts', test: 'irisengage-conversation-get-many.json runs inside n8n against the simulator' },
		{ file: 'examples.e2e.test.ts', test: 'irisengage-conversation-get-history.json runs inside n8n against the simulator' },
		{ file: 'examples.e2e.test.ts', test: 'irisengage-message-get-many.json runs inside n8n against the simulator' },
		{ file: 'machinery.e2e.test.ts', test: 'a workflow started by a webhook fired from the simulator, runs IrisEngage with the posted number and answers with its output' },
		{ file: 'machinery.e2e.test.ts', test: 'a provider error after a login stores neither the password nor the session token in the execution' },
	],
	'n8n-nodes-chat-providers.mehery': [
		{ file: 'examples.e2e.test.ts', test: 'mehery-message-send.json runs inside n8n against the simulator' },
		{ file: 'examples.e2e.test.ts', test: 'mehery-session-get-messages.json runs inside n8n against the simulator' },
		{ file: 'examples.e2e.test.ts', test: 'mehery-configuration-get-channels.json runs inside n8n against the simulator' },
		{ file: 'conversations.e2e.test.ts', test: ASK_AND_RESUME },
		{ file: 'conversations.e2e.test.ts', test: TIME_LIMIT },
		{ file: 'conversations-restart.e2e.test.ts', test: RESTART },
		{ file: 'conversations-workflows.e2e.test.ts', test: OTHER_WORKFLOW },
		{ file: 'conversations-workflows.e2e.test.ts', test: ASKS_TWICE },
	],
	'n8n-nodes-chat-providers.meheryTrigger': [
		{
			file: 'mehery.e2e.test.ts',
			test: 'the Mehery Trigger example, activated in n8n registers its URL at Mehery; an inbound message starts exactly one execution holding the normalized message',
		},
		{ file: 'mehery.e2e.test.ts', test: 'the Mehery Trigger example, activated in n8n deactivate + reactivate leaves exactly one registration and one execution per delivery' },
		{ file: 'conversations.e2e.test.ts', test: ASK_AND_RESUME },
		{ file: 'bursts.e2e.test.ts', test: BURST },
		{ file: 'bursts.e2e.test.ts', test: 'the burst-combining example, activated in real n8n five customers writing at once make five executions, one per customer' },
	],
	'n8n-nodes-chat-providers.ctLive': [
		{ file: 'examples.e2e.test.ts', test: 'ctlive-message-send.json runs inside n8n against the simulator' },
		{ file: 'examples.e2e.test.ts', test: 'ctlive-report-send-delivery.json runs inside n8n against the simulator' },
		{ file: 'examples.e2e.test.ts', test: 'ctlive-report-send-seen.json runs inside n8n against the simulator' },
		{ file: 'ctlive.e2e.test.ts', test: CTLIVE_BRIDGE_RUN },
		{ file: 'ctlive-conversations.e2e.test.ts', test: CTLIVE_ASK },
	],
	'n8n-nodes-chat-providers.ctLiveTrigger': [
		{ file: 'ctlive.e2e.test.ts', test: CTLIVE_BRIDGE_RUN },
		{ file: 'ctlive-conversations.e2e.test.ts', test: CTLIVE_ASK },
	],
	'n8n-nodes-chat-providers.netcoreBot': [
		{ file: 'examples.e2e.test.ts', test: 'netcore-transcript-get-many.json runs inside n8n against the simulator' },
		{ file: 'examples.e2e.test.ts', test: 'netcore-user-get-many.json runs inside n8n against the simulator' },
		{ file: 'examples.e2e.test.ts', test: 'netcore-usage-get.json runs inside n8n against the simulator' },
		{ file: 'examples.e2e.test.ts', test: 'netcore-trigger-new-user.json runs inside n8n against the simulator' },
	],
	'n8n-nodes-chat-providers.netcoreBotTrigger': [
		{ file: 'netcore.e2e.test.ts', test: "the polling trigger, activated, emits the simulator's new bot users once, with their transcripts" },
		{ file: 'examples.e2e.test.ts', test: 'netcore-trigger-new-user.json runs inside n8n against the simulator' },
	],
	'n8n-nodes-chat-providers.wavy': [{ file: 'examples.e2e.test.ts', test: 'wavy-session-get-many-open.json runs inside n8n against the simulator' }],
	'n8n-nodes-chat-providers.wavyTrigger': [
		{ file: 'wavy.e2e.test.ts', test: 'Wavy Trigger in real n8n the activated example runs exactly once for a batch fired by the simulator, answered 200' },
		{ file: 'wavy.e2e.test.ts', test: 'Wavy Trigger in real n8n a replayed batch is answered 200 and starts no execution' },
		{ file: 'wavy.e2e.test.ts', test: 'Wavy Trigger in real n8n a wrong secret in the URL gets 401 and starts no execution' },
	],
};

/** Credential type → the e2e test showing that a wrong secret fails with the provider's message and leaks nothing. */
export const WRONG_SECRET_CASES: Record<string, E2ECase> = {
	irisEngageApi: { file: 'package.e2e.test.ts', test: 'a credential Test with a wrong password fails with the provider message, not the password' },
	meheryXmsApi: { file: 'mehery.e2e.test.ts', test: 'a Mehery credential Test with a wrong API key fails as Unauthorized, without the key' },
	ctLiveApi: { file: 'ctlive.e2e.test.ts', test: 'CTLive API credential Test with a wrong password fails with CTLive refusing it, and never shows the password' },
	ctLiveWebhookApi: { file: 'ctlive.e2e.test.ts', test: 'the CTLive bridge example, activated a call with a wrong webhook password gets 401 and starts no execution' },
	netcoreBotApi: { file: 'netcore.e2e.test.ts', test: "a credential Test with a wrong app secret fails with Netcore's message, not the secret" },
	wavyApi: { file: 'wavy.e2e.test.ts', test: 'a Wavy credential Test with a wrong token fails as unauthorized, and the token is in no message' },
};

import type { ICredentialDataDecryptedObject, ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { providerMessage, transportProblem } from '../shared/errors';
import { describeFailure } from '../shared/failure';
import { PROVIDER } from './api';
import { foreignAnswer, foreignAnswerSummary } from './answer';
import { ctLiveAuthHeaders, ctLiveMessageUrl } from './endpoint';

const OK: INodeCredentialTestResult = { status: 'OK', message: 'Connection successful!' };
const CHECK_ADDRESS = 'check the Base URL and Message Path';
const error = (message: string): INodeCredentialTestResult => ({ status: 'Error', message });

interface LegacyResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	body?: unknown;
}

/** What an answer to the empty test report says about the credential and the address. */
function verdict({ statusCode: status, headers, body }: LegacyResponse): INodeCredentialTestResult {
	if (status === 401 || status === 403) {
		return error(`CTLive refused the credentials (HTTP ${status}): check Authentication and its user, password or token`);
	}
	if (status === 404 || status === 405) return error(`No CTLive message endpoint at this address (HTTP ${status}): ${CHECK_ADDRESS}`);
	const contentType = typeof headers?.['content-type'] === 'string' ? headers['content-type'] : undefined;
	const foreign = foreignAnswer(contentType, body);
	if (foreign) return error(`${foreignAnswerSummary(status, foreign)}: ${CHECK_ADDRESS}`);
	// A lenient CTLive takes the empty report (it changes nothing); a strict one refuses it, after the credentials.
	if ((status >= 200 && status < 300) || status === 400) return OK;
	const own = providerMessage(body);
	return error(own ? `${PROVIDER}: ${own} (HTTP ${status})` : `${PROVIDER} answered HTTP ${status}`);
}

/**
 * The CTLive API credential's Test. CTLive has no read call, so this posts an empty `results` array to the
 * message endpoint: it reaches the endpoint and its authentication but holds no message, so nothing is created.
 * n8n gives credential tests no authenticated request helper, so the credential's headers are applied here.
 */
export async function ctLiveApiCredentialTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const data: ICredentialDataDecryptedObject = credential.data ?? {};
	const url = ctLiveMessageUrl(data);
	if (!/^https?:\/\/[^/]/i.test(url)) return error(`The Base URL must be an http(s) address such as https://ctlive.example.com`);
	// n8n gives credential tests one HTTP helper, `request` (ICredentialTestFunctions: no httpRequest, and this
	// `request` is not deprecated, unlike the execute helpers' `request` that the scanner's rule matches by name).
	const { request } = this.helpers;
	try {
		const response = (await request({
			uri: url,
			method: 'POST',
			body: { results: [] },
			json: true,
			headers: ctLiveAuthHeaders(data),
			resolveWithFullResponse: true,
			simple: false,
			timeout: 30_000,
		})) as LegacyResponse;
		return verdict(response);
	} catch (caught) {
		const { code } = describeFailure(caught);
		return error(`CTLive could not be reached: ${code ? transportProblem(code) : (caught as Error).message}. Check the Base URL and Message Path`);
	}
}

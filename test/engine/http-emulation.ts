/**
 * The request/response pair n8n's webhook server hands a webhook node (through
 * `additionalData.httpRequest` / `httpResponse`): an Express request after n8n's body parsing, and an Express
 * response. Only what nodes use is emulated; the response records what the node wrote so tests can assert on it,
 * and can be copied onto a real `ServerResponse` when the harness serves webhooks over HTTP.
 */
import { EventEmitter } from 'node:events';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** A request as a test describes it; headers are matched case-insensitively, as Node lower-cases them. */
export interface WebhookRequest {
	/** Default 'POST'. */
	method?: string;
	headers?: Record<string, string | string[] | undefined>;
	/** An object is sent as JSON, a string as text/plain. */
	body?: unknown;
	query?: Record<string, string | string[]>;
	/** Route parameters (`:name` segments of the webhook path). */
	params?: Record<string, string>;
	/** The exact bytes received; default: the body as it would have been sent. */
	rawBody?: Buffer | string;
	/** The path after the host; default `/webhook/test`. */
	url?: string;
}

/** What the node (or n8n answering on its behalf) wrote to the response. */
export interface CapturedResponse {
	/** 0 while nothing has been sent. */
	status: number;
	/** Header names lower-cased. */
	headers: Record<string, string>;
	/** Parsed JSON when the content type is JSON, the text otherwise, undefined when no body was written. */
	body: unknown;
}

/** Express's request helpers that nodes use, on top of the fields n8n's body parser sets. */
interface ExpressRequestExtras {
	body: unknown;
	rawBody: Buffer;
	query: Record<string, string | string[]>;
	params: Record<string, string>;
	path: string;
	originalUrl: string;
	get(name: string): string | string[] | undefined;
	header(name: string): string | string[] | undefined;
}

export type ExpressLikeRequest = (IncomingMessage | { method: string; url: string; headers: IncomingHttpHeaders }) &
	ExpressRequestExtras;

function lowerCaseHeaders(headers: WebhookRequest['headers'] = {}): IncomingHttpHeaders {
	const result: IncomingHttpHeaders = {};
	for (const [name, value] of Object.entries(headers)) if (value !== undefined) result[name.toLowerCase()] = value;
	return result;
}

/**
 * n8n's webhook body parser (cli `parseBody`): `application/json` and form bodies are parsed, `text/plain` kept as
 * text; anything else (XML, which n8n parses with xml2js, is not emulated) leaves `body` as `{}` with only
 * `rawBody` set, as does an empty body.
 */
function parseBody(raw: Buffer, contentType: string | undefined): unknown {
	const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
	const text = raw.toString('utf8').replace(/^\uFEFF/, '');
	if (text === '') return {};
	if (type === 'application/json') return JSON.parse(text) as unknown;
	if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
	if (type === 'text/plain') return text;
	return {};
}

function addExpressHelpers<T extends { method?: string; url?: string; headers: IncomingHttpHeaders }>(
	request: T,
	fields: { body: unknown; rawBody: Buffer; query: Record<string, string | string[]>; params: Record<string, string> },
): T & ExpressRequestExtras {
	const url = new URL(request.url ?? '/', 'http://127.0.0.1');
	const header = (name: string) => {
		const key = name.toLowerCase();
		return request.headers[key === 'referrer' ? 'referer' : key];
	};
	return Object.assign(request, { ...fields, path: url.pathname, originalUrl: request.url ?? '/', get: header, header });
}

/** An Express request built from a test's description, as n8n's webhook server would have parsed it. */
export function buildRequest(spec: WebhookRequest): ExpressLikeRequest {
	const headers = lowerCaseHeaders(spec.headers);
	if (spec.body !== undefined && headers['content-type'] === undefined)
		headers['content-type'] = typeof spec.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
	const rawBody =
		spec.rawBody !== undefined
			? Buffer.from(spec.rawBody)
			: Buffer.from(spec.body === undefined ? '' : typeof spec.body === 'string' ? spec.body : JSON.stringify(spec.body));
	const query = spec.query ?? {};
	const search = new URLSearchParams();
	for (const [name, value] of Object.entries(query)) for (const one of [value].flat()) search.append(name, one);
	const path = spec.url ?? '/webhook/test';
	const url = search.size > 0 ? `${path}?${search.toString()}` : path;
	const contentType = headers['content-type'];
	return addExpressHelpers(
		{ method: (spec.method ?? 'POST').toUpperCase(), url, headers },
		{ body: parseBody(rawBody, typeof contentType === 'string' ? contentType : undefined), rawBody, query, params: spec.params ?? {} },
	);
}

/** The same for a real incoming HTTP request: reads and parses its body. */
export async function parseIncoming(incoming: IncomingMessage, params: Record<string, string> = {}): Promise<ExpressLikeRequest> {
	const chunks: Buffer[] = [];
	for await (const chunk of incoming) chunks.push(chunk as Buffer);
	const rawBody = Buffer.concat(chunks);
	const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
	const query: Record<string, string | string[]> = {};
	for (const name of new Set(url.searchParams.keys())) {
		const values = url.searchParams.getAll(name);
		query[name] = values.length === 1 ? values[0] : values;
	}
	return addExpressHelpers(incoming, { body: parseBody(rawBody, incoming.headers['content-type']), rawBody, query, params });
}

/**
 * An Express response that records what is written to it. Like Node's ServerResponse it emits 'prefinish' and
 * 'finish' when ended, and 'close' when the caller goes away (`callerGone()`) or after the answer.
 */
export class RecordingResponse extends EventEmitter {
	statusCode = 200;
	private readonly headerMap = new Map<string, string>();
	private chunks: Buffer[] = [];
	/** True once the response was ended (Express: `res.writableEnded`). */
	finished = false;

	get headersSent() {
		return this.finished;
	}

	get writableEnded() {
		return this.finished;
	}

	status(code: number) {
		this.statusCode = code;
		return this;
	}

	sendStatus(code: number) {
		return this.status(code).type('text/plain').send(String(code));
	}

	setHeader(name: string, value: string | number | readonly string[]) {
		this.headerMap.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value));
		return this;
	}

	getHeader(name: string) {
		return this.headerMap.get(name.toLowerCase());
	}

	removeHeader(name: string) {
		this.headerMap.delete(name.toLowerCase());
	}

	/** Express `res.set` / `res.header`: one header or an object of them. */
	set(field: string | Record<string, string>, value?: string) {
		if (typeof field === 'string') return this.setHeader(field, value ?? '');
		for (const [name, one] of Object.entries(field)) this.setHeader(name, one);
		return this;
	}

	header(field: string | Record<string, string>, value?: string) {
		return this.set(field, value);
	}

	type(contentType: string) {
		return this.setHeader('content-type', contentType);
	}

	writeHead(code: number, headers: Record<string, string> = {}) {
		this.statusCode = code;
		return this.set(headers);
	}

	write(chunk: string | Buffer) {
		this.assertOpen();
		this.chunks.push(Buffer.from(chunk));
		return true;
	}

	end(chunk?: string | Buffer) {
		if (chunk !== undefined) this.write(chunk);
		this.finished = true;
		this.emit('prefinish');
		if (!this.gone) {
			this.emit('finish');
			this.emit('close');
		}
		return this;
	}

	private gone = false;

	/** The connection, as far as nodes look at it. */
	readonly socket = { destroyed: false };

	/** The caller closes the connection before the answer: 'close' now, no 'finish' later (Node's behaviour). */
	callerGone() {
		if (this.gone || this.finished) return;
		this.gone = true;
		this.socket.destroyed = true;
		this.emit('close');
	}

	json(body: unknown) {
		if (!this.headerMap.has('content-type')) this.type('application/json; charset=utf-8');
		return this.end(JSON.stringify(body));
	}

	/** Express `res.send`: objects as JSON, Buffers as octet-stream, strings as HTML unless a type was set. */
	send(body?: unknown) {
		if (body === undefined || body === null) return this.end();
		if (Buffer.isBuffer(body)) {
			if (!this.headerMap.has('content-type')) this.type('application/octet-stream');
			return this.end(body);
		}
		if (typeof body === 'object') return this.json(body);
		if (!this.headerMap.has('content-type')) this.type('text/html; charset=utf-8');
		return this.end(String(body));
	}

	/** What was written, with the body parsed by its content type. */
	captured(): CapturedResponse {
		const text = Buffer.concat(this.chunks).toString('utf8');
		const isJson = /json/i.test(this.headerMap.get('content-type') ?? '');
		return {
			status: this.finished ? this.statusCode : 0,
			headers: Object.fromEntries(this.headerMap),
			body: text === '' ? undefined : isJson ? (JSON.parse(text) as unknown) : text,
		};
	}

	/** Copies the recorded answer onto a real HTTP response. */
	flushTo(outgoing: ServerResponse) {
		outgoing.writeHead(this.statusCode, Object.fromEntries(this.headerMap));
		outgoing.end(Buffer.concat(this.chunks));
	}

	private assertOpen() {
		if (this.finished) throw new Error('Cannot write to a webhook response that has already ended');
	}
}

/** A recording response that passes its answer on to `outgoing` as soon as it ends (as Express sends it at once). */
export function forwardingResponse(outgoing: ServerResponse): RecordingResponse {
	const response = new RecordingResponse();
	response.once('prefinish', () => response.flushTo(outgoing));
	return response;
}

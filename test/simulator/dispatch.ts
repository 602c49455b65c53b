/** One request's way through the simulator: log, latency, fault, auth, route handler, reply. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeFault, faultEffect, type FaultRules } from './faults';
import type { InFlightLimits } from './in-flight';
import { BodyTooLargeError, parseBody, readBody, sendReply } from './http-io';
import { json, type Reply, type SimRequest } from './provider';
import { redactBody, redactHeaders, redactPath } from './redact';
import { findRoute, type MatchTarget, type MountedRoute } from './routing';
import type { RequestLogEntry } from './types';

export interface DispatchContext {
	/** Mounted routes by provider name (the first path segment). */
	routes: Map<string, MountedRoute[]>;
	rules: FaultRules;
	limits: InFlightLimits;
	record: (entry: RequestLogEntry, target: MatchTarget) => void;
	/** A delay that the simulator cancels when it closes, so no timer outlives it. */
	wait: (ms: number) => Promise<void>;
	/** `Simulator.expireTokens` of one provider. */
	expireTokens: (provider: string) => void;
	quiet: boolean;
}

interface Resolved {
	entry: RequestLogEntry;
	target: MatchTarget;
	mounted?: MountedRoute;
	request: SimRequest;
	methodNotAllowed: boolean;
}

function resolve(context: DispatchContext, incoming: IncomingMessage): Resolved {
	const method = (incoming.method ?? 'GET').toUpperCase();
	const fullPath = incoming.url ?? '/';
	const url = new URL(fullPath, 'http://127.0.0.1');
	const [, providerName, ...rest] = url.pathname.split('/');
	const routes = context.routes.get(providerName);
	const relativePath = routes ? `/${rest.join('/')}` : undefined;
	const lookup =
		routes && relativePath !== undefined ? findRoute(routes, method, relativePath) : undefined;
	const mounted = lookup?.found;
	const provider = routes ? providerName : undefined;

	return {
		entry: {
			provider,
			route: mounted?.label,
			method,
			path: redactPath(fullPath),
			headers: redactHeaders(incoming.headers),
			body: undefined,
			status: 0,
			at: Date.now(),
			authScheme: incoming.headers.authorization?.split(' ', 1)[0] || undefined,
		},
		target: {
			provider,
			method,
			routeLabel: mounted?.label,
			routePattern: mounted?.route.path,
			relativePath,
			fullPath: url.pathname,
		},
		mounted,
		request: {
			method,
			path: relativePath ?? url.pathname,
			params: lookup?.found ? lookup.params : {},
			query: url.searchParams,
			headers: incoming.headers,
			body: undefined,
		},
		methodNotAllowed: lookup?.found === undefined && lookup?.methodNotAllowed === true,
	};
}

/** The normal answer: what the provider itself would say to this request. */
async function answer(resolved: Resolved, bodyError: string | undefined): Promise<Reply> {
	const { mounted, request, entry } = resolved;
	if (!mounted) {
		if (resolved.methodNotAllowed)
			return json(405, { message: `${request.method} is not allowed on ${request.path}` });
		return json(404, { message: `No route for ${request.method} ${resolved.target.fullPath}` });
	}
	// Auth comes before body validation, as in ASP.NET and Spring: a bad token wins over a bad body.
	if (mounted.route.auth) {
		const check = mounted.provider.authenticate!(request);
		entry.authScheme = check.scheme;
		entry.tokenId = check.tokenId;
		if (check.rejection) return check.rejection;
	}
	if (bodyError) return json(400, { message: bodyError });
	try {
		return await mounted.route.handler(request);
	} catch (error) {
		return json(500, { message: `Simulator route failed: ${(error as Error).message}` });
	}
}

function printLine(entry: RequestLogEntry): void {
	const outcome = entry.status === 0 ? 'no answer' : String(entry.status);
	const fault = entry.fault ? ` [${entry.fault}]` : '';
	process.stdout.write(
		`${entry.method} ${entry.path} -> ${outcome}${fault} (${Date.now() - entry.at} ms)\n`,
	);
}

export async function dispatch(
	context: DispatchContext,
	incoming: IncomingMessage,
	outgoing: ServerResponse,
) {
	const resolved = resolve(context, incoming);
	const { entry, target } = resolved;
	context.record(entry, target);
	let leave = () => {};
	const finish = (reply?: Reply) => {
		leave();
		entry.answeredAt = Date.now();
		if (reply) {
			entry.status = reply.status;
			sendReply(outgoing, reply);
		}
		if (!context.quiet) printLine(entry);
	};

	let raw: string;
	try {
		raw = await readBody(incoming);
	} catch (error) {
		if (error instanceof BodyTooLargeError) finish(json(413, { message: error.message }));
		else incoming.socket.destroy(); // the client went away mid-body
		return;
	}
	target.body = raw;
	const parsed = parseBody(raw, incoming.headers['content-type']);
	resolved.request.body = parsed.ok ? parsed.body : raw;
	entry.body = redactBody(resolved.request.body);

	const admission = context.limits.enter(target);
	if ('refused' in admission) {
		entry.fault = 'in-flight limit';
		return finish(admission.refused);
	}
	leave = admission.leave;

	const latency = context.rules.latencyFor(target);
	if (latency > 0) await context.wait(latency);

	const fault = context.rules.take(target);
	if (fault) {
		entry.fault = describeFault(fault);
		const effect = faultEffect(fault);
		if ('reset' in effect) {
			incoming.socket.resetAndDestroy();
			return finish();
		}
		if ('reply' in effect) return finish(effect.reply);
		if ('expireTokens' in effect) {
			if (target.provider !== undefined) context.expireTokens(target.provider);
		} else await context.wait(effect.delayMs);
	}
	finish(await answer(resolved, parsed.ok ? undefined : parsed.error));
}

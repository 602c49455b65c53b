/** Route lookup, and the matcher that faults, latency and `count()` share. */
import type { ProviderModule, Route } from './provider';

export interface MountedRoute {
	provider: ProviderModule;
	route: Route;
	/** The label the log and matchers use, e.g. 'POST /IrisEngage_API/api/GetContent'. */
	label: string;
	pattern: RegExp;
	paramNames: string[];
}

export type RouteLookup =
	| { found: MountedRoute; params: Record<string, string> }
	| { found: undefined; methodNotAllowed: boolean };

export const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `:name` is a whole segment; `:name.rss` a segment with a literal suffix (feeds need file-like names). */
function compile(path: string): { pattern: RegExp; paramNames: string[] } {
	const paramNames: string[] = [];
	const source = path
		.split('/')
		.map((segment) => {
			const param = /^:(\w+)(.*)$/.exec(segment);
			if (!param) return escapeRegExp(segment);
			paramNames.push(param[1]);
			return param[2] === '' ? '([^/]+)' : `([^/]+?)${escapeRegExp(param[2])}`;
		})
		.join('/');
	return { pattern: new RegExp(`^${source}/?$`), paramNames };
}

export function mountRoutes(provider: ProviderModule): MountedRoute[] {
	return provider.routes.map((route) => ({
		provider,
		route,
		label: `${route.method} ${route.path}`,
		...compile(route.path),
	}));
}

/** Finds the route for a provider-relative path; a known path with another method is a 405, not a 404. */
export function findRoute(routes: MountedRoute[], method: string, path: string): RouteLookup {
	let methodNotAllowed = false;
	for (const mounted of routes) {
		const match = mounted.pattern.exec(path);
		if (!match) continue;
		if (mounted.route.method !== method) {
			methodNotAllowed = true;
			continue;
		}
		const params = Object.fromEntries(
			mounted.paramNames.map((name, index) => [name, decodeURIComponent(match[index + 1])]),
		);
		return { found: mounted, params };
	}
	return { found: undefined, methodNotAllowed };
}

/** Which requests a fault, a latency rule or a `count()` applies to; every field left out matches all. */
export interface RequestMatch {
	provider?: string;
	/** Compared with the route label ('POST /x'), the route pattern ('/x'), and the path (relative or full). */
	route?: string | RegExp;
	method?: string;
	/** Compared with the request body as it arrived (raw text), e.g. /"to":"\+15550007"/ for one recipient. */
	body?: RegExp;
}

/** The facts about one request that a `RequestMatch` is compared with. */
export interface MatchTarget {
	provider?: string;
	method: string;
	routeLabel?: string;
	routePattern?: string;
	relativePath?: string;
	fullPath: string;
	/** The raw body, once it has arrived. */
	body?: string;
}

export function matches(match: RequestMatch | undefined, target: MatchTarget): boolean {
	if (!match) return true;
	if (match.provider !== undefined && match.provider !== target.provider) return false;
	if (match.method !== undefined && match.method.toUpperCase() !== target.method) return false;
	if (match.body !== undefined) {
		match.body.lastIndex = 0;
		if (target.body === undefined || !match.body.test(target.body)) return false;
	}
	if (match.route === undefined) return true;
	const candidates = [target.routeLabel, target.routePattern, target.relativePath, target.fullPath];
	const route = match.route;
	return candidates.some((candidate) => {
		if (candidate === undefined) return false;
		if (typeof route === 'string') return candidate === route;
		route.lastIndex = 0; // a /g regex would otherwise remember where its last test stopped
		return route.test(candidate);
	});
}

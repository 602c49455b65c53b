/**
 * The strict simulator's literal reading of the Mehery spec: before a route's own checks, a request must use only
 * the query parameters the spec names (of their types) and send a body with the spec's field names, types and
 * enumerated values and every field the spec marks required. The only exceptions are the departures
 * test/engine/mehery-deviations.ts lists with their reasons (e.g. `sandbox` beside `sabdnox`; a location only
 * with a location message); the table comes from the spec text mechanically (test/engine/mehery-spec.ts).
 * Unknown paths are already 404 and unknown methods 405 (routing.ts).
 */
import { requestDepartures } from '../../engine/mehery-conformance';
import { MEHERY_SPEC } from '../../engine/mehery-spec';
import type { Reply, Route, SimRequest } from '../provider';
import type { FieldProblem } from './mehery-validate';

/** A spec endpoint's `route` with the literal checks in front, when `strict`; the route itself otherwise. */
function literalRoute(route: Route, strict: boolean, refuse: (problem: FieldProblem) => Reply): Route {
	if (!strict || !MEHERY_SPEC.endpoints[`${route.method} ${route.path}`]) return route;
	return {
		...route,
		handler: (request: SimRequest) => {
			const [first] = requestDepartures(route.method, route.path, request.query, request.body);
			if (!first) return route.handler(request);
			return refuse({ field: first.field.replace(/^\?/, ''), description: first.problem });
		},
	};
}

/** The provider's routes, each spec endpoint behind the literal checks when `strict`. */
export function literalRoutes(strict: boolean, refuse: (problem: FieldProblem) => Reply, routes: Route[]): Route[] {
	return routes.map((route) => literalRoute(route, strict, refuse));
}

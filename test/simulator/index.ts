/** The provider simulator, for tests, benchmarks and `npm start`. See server.ts. */
export { startSimulator } from './server';
export type {
	Fault,
	LogFilter,
	ProviderInfo,
	RequestLogEntry,
	RequestMatch,
	Simulator,
	SimulatorOptions,
	SimulatorSizes,
} from './types';
export type {
	AuthCheck,
	ProviderEnv,
	ProviderFactory,
	ProviderModule,
	Reply,
	Route,
	SimRequest,
} from './provider';
export { REDACTED } from './redact';
export {
	SAMPLE_MESSAGES as IRIS_SAMPLE_MESSAGES,
	SAMPLE_MOBILE_NO as IRIS_SAMPLE_MOBILE_NO,
	SAMPLE_SESSION as IRIS_SAMPLE_SESSION,
} from './providers/irisengage-sample';

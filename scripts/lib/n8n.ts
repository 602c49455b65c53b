/**
 * Driver for a real n8n 2.41.1 server (installed by runtime/ensure.js), shared by `npm start` and the
 * end-to-end jest suite. Node built-ins and global fetch only.
 *
 *   await ensureRuntime();                                  // runtime/ensure.js
 *   installCommunityPackage(tarball, userFolder);           // before start: n8n loads packages at boot
 *   const n8n = await startN8n({ userFolder, port: 5690, brokerPort: 5691 });
 *   const client = new N8nClient(n8n.url);
 *   await client.setupOwner(OWNER);                         // owner + login cookie
 *   await client.createApiKey();                            // public API key
 *   const wf = await client.createWorkflow(json);
 *   const execId = await client.runWorkflowManually(wf.id, 'Manual');
 *   const exec = await client.waitForExecution(execId);
 *   nodeOutput(exec, 'Set');                                // [{...json}]
 *   await n8n.stop();
 *
 * REST shapes verified against n8n 2.41.1 (see the methods). Two kinds of auth: the editor's `/rest/*` routes
 * take the `n8n-auth` login cookie, the public `/api/v1/*` routes take the `X-N8N-API-KEY` header.
 */
export { installCommunityPackage, type InstalledPackage } from './community-package';
export { N8nClient, N8nHttpError, type CredentialTestResult, type N8nWorkflow, type OwnerInfo } from './n8n-client';
export { n8nEnv } from './n8n-env';
export { nodeItems, nodeOutput, type N8nExecution, type N8nTaskRun } from './n8n-execution';
export { startN8n, type N8nServer, type StartN8nOptions } from './n8n-process';

import 'reflect-metadata';

import { CredentialTestContext, ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunction,
	ICredentialTestRequest,
	INode,
	INodeCredentialTestResult,
	INodeType,
	INodeTypes,
} from 'n8n-workflow';
import { Workflow, createEmptyRunExecutionData } from 'n8n-workflow';

import { engineAdditionalData } from './additional-data';
import { createCredentialStore, loadPackage, PACKAGE_NAME } from './package';

/**
 * A credential's Test, run the way the n8n server's CredentialsTester runs it (n8n 2.41,
 * packages/cli/src/services/credentials-tester.service.ts): the credential type's own `test` request through
 * n8n-core's RoutingNode, or else the `methods.credentialTest` function a node names in `testedBy`, called on a
 * CredentialTestContext. Only the server's decryption and its mock node types are left out.
 */
export async function testCredential(type: string, data: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult> {
	const { credentialTypes, nodeTypes, loader } = await loadPackage();
	const credential: ICredentialsDecrypted = { id: `${type}-under-test`, name: `${type} under test`, type, data };
	const store = await createCredentialStore({ [type]: data });
	const additionalData = engineAdditionalData(store, undefined, undefined);
	const { test } = credentialTypes.getByName(type);
	if (test) return await runRequestTest(credential, test, nodeTypes, additionalData);
	for (const name of Object.keys(loader.nodeTypes)) {
		const nodeType = nodeTypes.getByName(`${PACKAGE_NAME}.${name}`) as INodeType;
		const testedBy = nodeType.description.credentials?.find((entry) => entry.name === type)?.testedBy;
		if (typeof testedBy !== 'string') continue;
		const method = nodeType.methods?.credentialTest?.[testedBy] as ICredentialTestFunction | undefined;
		if (!method) throw new Error(`${name} names the credential test "${testedBy}" but has no such method`);
		return await method.call(new CredentialTestContext(additionalData), credential);
	}
	return { status: 'Error', message: 'No testing function found for this credential.' };
}

/** The server's runRequestTest: a stand-in node whose one property routes the test request. */
async function runRequestTest(
	credential: ICredentialsDecrypted,
	test: ICredentialTestRequest,
	nodeTypes: INodeTypes,
	additionalData: ReturnType<typeof engineAdditionalData>,
): Promise<INodeCredentialTestResult> {
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'test.credentialTest',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
	};
	const testNodeType: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credential.type, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: test.request } }],
		},
	};
	const types: INodeTypes = { ...nodeTypes, getByName: () => testNodeType, getByNameAndVersion: () => testNodeType };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: types });
	const context = new ExecuteContext(workflow, node, additionalData, 'internal', createEmptyRunExecutionData(), 0, [], { main: [[{ json: {} }]] }, { node, data: {}, source: null }, []);
	try {
		await workflow.expression.acquireIsolate();
		await new RoutingNode(context, testNodeType, credential).runNode();
	} catch (error) {
		const response = (error as { cause?: { response?: { status: number; statusText?: string } } }).cause?.response;
		if (response) {
			const rule = test.rules?.find((candidate) => candidate.type === 'responseCode' && candidate.properties.value === response.status);
			if (rule) return { status: 'Error', message: (rule.properties as { message: string }).message };
			if (response.status < 199 || response.status > 299) return { status: 'Error', message: response.statusText || `Received HTTP status code: ${response.status}` };
		}
		return { status: 'Error', message: String((error as Error).message) };
	} finally {
		await workflow.expression.releaseIsolate();
	}
	return { status: 'OK', message: 'Connection successful!' };
}

import type { Workflow } from 'n8n-workflow';
import {
	ICredentials,
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentialsEncrypted,
	type ICredentialType,
	type ICredentialTypes,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IWorkflowExecuteAdditionalData,
	isExpression,
} from 'n8n-workflow';

/**
 * Stands in for the n8n server's CredentialsHelper with the same semantics where it matters to nodes:
 * `authenticate` (function or generic with `={{$credentials...}}` expressions), and `preAuthentication`
 * run only when the expirable field is empty or after a 401, with the result persisted so the next item
 * and the next execution reuse the token. Stored data is copied in and out, like a database row.
 */
export class CredentialStore extends ICredentialsHelper {
	private readonly rows = new Map<string, ICredentialDataDecryptedObject>();

	/** How many times each credential type's preAuthentication ran (i.e. logged in). */
	readonly preAuthentications = new Map<string, number>();

	/** How many times a node read each credential type (in n8n: a database read, a decryption and, in a webhook call, a new expression isolate). */
	readonly reads = new Map<string, number>();

	constructor(private readonly credentialTypes: ICredentialTypes) {
		super();
	}

	/**
	 * Saves a credential under its type; nodes reference it as `{ [type]: { id: type, name } }`. Fields left
	 * out get their declared defaults, as the n8n server fills them (e.g. an empty expirable token).
	 */
	set(type: string, data: ICredentialDataDecryptedObject): void {
		const defaults = Object.fromEntries(
			this.credentialTypes.getByName(type).properties.map((property) => [property.name, property.default]),
		) as ICredentialDataDecryptedObject;
		this.rows.set(type, structuredClone({ ...defaults, ...data }));
	}

	get(type: string): ICredentialDataDecryptedObject | undefined {
		const row = this.rows.get(type);
		return row && structuredClone(row);
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialTypes.getByName(type).properties;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const row = this.get(type);
		if (!row) throw new Error(`No credential of type "${type}" (${nodeCredentials.name}) in the test store`);
		this.reads.set(type, (this.reads.get(type) ?? 0) + 1);
		return row;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		return new StoredCredentials(nodeCredentials, type, this.get(type) ?? {});
	}

	async updateCredentials(_details: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject) {
		this.set(type, data);
	}

	async updateCredentialsOauthTokenData(details: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject) {
		await this.updateCredentials(details, type, data);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.credentialTypes.getByName(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate || authenticate.type !== 'generic') return requestOptions;
		if (!workflow || !node) throw new Error('Generic credential authentication needs the workflow and node');
		const resolve = (value: string) =>
			isExpression(value)
				? String(workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '') ?? '')
				: value;
		const target = requestOptions as unknown as Record<string, Record<string, string>>;
		for (const [section, entries] of Object.entries(authenticate.properties)) {
			target[section] ??= {};
			for (const [key, value] of Object.entries(entries as Record<string, string>)) {
				target[section][resolve(key)] = resolve(value);
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type: ICredentialType = this.credentialTypes.getByName(typeName);
		const expirable = type.properties.find((property) => property.type === 'hidden' && property.typeOptions?.expirable === true);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		this.preAuthentications.set(typeName, (this.preAuthentications.get(typeName) ?? 0) + 1);
		if (node.credentials?.[typeName]) this.set(typeName, { ...(this.get(typeName) ?? {}), ...output } as ICredentialDataDecryptedObject);
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(helpers: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject, typeName: string) {
		const type = this.credentialTypes.getByName(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}
}

/** An unencrypted credential row: the test store has no database and no encryption key. */
class StoredCredentials extends ICredentials {
	constructor(
		details: INodeCredentialsDetails,
		type: string,
		private row: ICredentialDataDecryptedObject,
	) {
		super(details, type);
	}

	async getData() {
		return structuredClone(this.row);
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: JSON.stringify(this.row) };
	}

	async setData(data: ICredentialDataDecryptedObject) {
		this.row = structuredClone(data);
	}

	async updateData(toUpdate: Partial<ICredentialDataDecryptedObject>, toDelete: string[] = []) {
		this.row = { ...this.row, ...toUpdate } as ICredentialDataDecryptedObject;
		for (const key of toDelete) delete this.row[key];
	}
}

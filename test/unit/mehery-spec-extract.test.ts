/**
 * The Mehery spec extractor (scripts/lib/mehery-spec.ts) on excerpts written the way mehery-xms.txt writes them,
 * and the committed test/engine/mehery-spec.ts against a fresh extraction of the real spec when it is present
 * (it is not in the repository; MEHERY_SPEC=path points at it elsewhere).
 */
import fs from 'node:fs';

import { DEFAULT_MEHERY_SPEC, MEHERY_SPEC_OUTPUT } from '../../scripts/extract-mehery-spec';
import { extractMeherySpec, renderMeherySpec } from '../../scripts/lib/mehery-spec';

const ENDPOINTS = `
curl -X GET /api.mehery.xyz/xms/api/v1/config/channels \\
GET /api.mehery.xyz/xms/api/v1/config/channels HTTP/1.1

GET /api/v1/config/channels

List of all the configured channelsPass sandbox=true if you want sandbox channels also to be part of list

Parameters

Name In Type Required Description
sabdnox query boolean false sabdnox
x-api-key header string false API Key
x-api-id header string false API Id

Responses

Status Meaning Description Schema
200 OK OK ApiResultsMetaCompactResponse_MsgChannel_object_

POST /api/v1/contact/info

Parameters

Name In Type Required Description
x-verify-token header string false Callback Verification Token
body body InBoundContact true contactInfoRequest

POST /api/v1/session/close

Body parameter

{
"sessionId": "61f3810a02e14c0877fc1a32"
}

Parameters

Name In Type Required Description
x-api-key header string false API Key
x-api-id header string false API Id
body body SessionStatusClose true req
`;

const SCHEMAS = `
Schemas

CommonTemplateMeta

{
"code": "FEEDBACK",
"linked": "string"
}

CommonTemplateMeta

Properties

Name Type Required Restrictions Description
code string false none Code of Template
data object false none Data will be used to resolve placeholders in template, in case of missing value blank will be attempted,
Kindly note Template may be rejected in case it does not match the approved format
linked string true none none

InBoundContact

Properties

Name Type Required Restrictions Description
contactId string true none Unique Id assigined to user by Service

SessionStatusClose

Properties

Name Type Required Restrictions Description
sessionId string true none Session to be closed
stamps object true none none
» additionalProperties integer(int64) false none none
links [TmplElement] true none none
{
"linkName": "string"
}

TmplElement

Properties

Name Type Required Restrictions Description
name string true none none
type string false none Display Text

Enumerated Values

Property Value
type QUICK_REPLY
type URL
mediaSubType SHARE etc
`;

describe('extractMeherySpec on excerpts in the spec\'s format', () => {
	const spec = extractMeherySpec(ENDPOINTS + SCHEMAS);

	test('an endpoint: its query and header parameters and its body schema, with the Required flags', () => {
		expect(spec.endpoints['GET /api/v1/config/channels']).toEqual({
			query: { sabdnox: { type: 'boolean', required: false } },
			headers: { 'x-api-key': { type: 'string', required: false }, 'x-api-id': { type: 'string', required: false } },
		});
		expect(spec.endpoints['POST /api/v1/session/close'].body).toEqual({ schema: 'SessionStatusClose', required: true });
	});

	test('sample request lines (with HTTP/1.1 or a host) are not endpoints; calls verified by x-verify-token are webhooks', () => {
		expect(Object.keys(spec.endpoints)).toEqual(['GET /api/v1/config/channels', 'POST /api/v1/session/close']);
		expect(spec.webhooks).toEqual(['POST /api/v1/contact/info']);
	});

	test('a schema: each property\'s type and Required flag; wrapped descriptions and » rows are no properties', () => {
		expect(spec.schemas.SessionStatusClose).toEqual({
			sessionId: { type: 'string', required: true },
			stamps: { type: 'object', required: true },
			links: { type: '[TmplElement]', required: true },
		});
	});

	test('Enumerated Values attach to their property; a value may hold spaces; unknown properties are ignored', () => {
		expect(spec.schemas.TmplElement.type).toEqual({ type: 'string', required: false, enum: ['QUICK_REPLY', 'URL'] });
	});

	test('only the schemas the calls\' bodies reach are kept (nested ones too), not those of webhooks', () => {
		expect(Object.keys(spec.schemas)).toEqual(['SessionStatusClose', 'TmplElement']);
		expect(extractMeherySpec(SCHEMAS).schemas).toEqual({});
	});

	test('the rendered file is TypeScript holding exactly the extraction', () => {
		const source = renderMeherySpec(spec);
		expect(source).toMatch(/^\/\*\*\n \* GENERATED /);
		const literal = source.slice(source.indexOf('= {') + 2, source.lastIndexOf('};') + 1);
		expect(new Function(`return (${literal});`)()).toEqual(spec);
	});
});

describe('the committed test/engine/mehery-spec.ts', () => {
	const source = process.env.MEHERY_SPEC ?? DEFAULT_MEHERY_SPEC;
	const present = fs.existsSync(source);
	const regenerated = present ? renderMeherySpec(extractMeherySpec(fs.readFileSync(source, 'utf8'))) : '';

	(present ? test : test.skip)(
		present
			? `is what the extractor makes of ${source}`
			: `NOT CHECKED: the spec ${source} is absent (it is not in the repository; set MEHERY_SPEC to its path)`,
		() => {
			expect(fs.readFileSync(MEHERY_SPEC_OUTPUT, 'utf8')).toBe(regenerated);
		},
	);
});

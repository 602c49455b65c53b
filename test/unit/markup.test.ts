import { decodeMarkupText, describeMarkup, MAX_MARKUP_DEPTH, parseMarkup } from '../../nodes/IrisEngage/markup';

/** Every chat history message of the IrisEngage spec, exactly as the JSON delivers it (`\\n` = backslash + n). */
const SPEC_MESSAGES: Array<{ messageId: string; message: string }> = [
	{ messageId: "85a7339d-3e6f-4b22-b2e4-f8fa09bc3379", message: "<Text>Hi</Text>" },
	{ messageId: "e0b8eeeb-0596-4a65-a992-a28ba47264ee", message: "<Text>Hello, Welcome to Dubai Ladies Club, the destination for Happy, Healthy Women. I'm your Virtual Assistant *Dana*.</Text>" },
	{ messageId: "07fc428d-9f73-40ad-8c3c-3bf13eebb1cf", message: "<Text>\\nI can help you with the following services\\n\\n1. Membership Plans & Offers\\n2. Outdoor & Recreation\\n3. Wellness Centre\\n4. Al Asalla Spa\\n5. Events\\n6. Outlets at DLC\\n7. Location\\n8. FAQ\\n\\n*Tip* 💡: To select the desired item, reply with the number!</Text>" },
	{ messageId: "17222f1c-aa05-4e12-a032-e25602d42f19", message: "<Text>1</Text>" },
	{ messageId: "c031532d-4183-403a-bc23-d6789534d462", message: "<Button><Caption>Explore and choose from a range of membership plans and exciting offers</Caption><Items><Item>Membership Packages</Item><Item>Membership Offers</Item><Item>Others</Item></Items></Button>" },
	{ messageId: "d68051e0-68a6-4805-9d24-c00cc5a43ce8", message: "<Text>Membership Packages(1)</Text>" },
	{ messageId: "5f79a829-a1ef-4245-afa5-80f3192fae88", message: "<Text>\\nChoose a membership package from the below\\n\\n1. Family\\n2. Individual\\n3. Student\\n4. Previous Menu</Text>" },
	{ messageId: "e94d8859-eb15-422b-84d0-75f8d121e494", message: "<Text>2</Text>" },
	{ messageId: "b427150d-1819-407e-a5ce-e7faf61d4e54", message: "<Text>\\nSelect one of the following services\\n\\n1. Premium Membership\\n2. Classic Membership Menu\\n3. Single Facility Membership\\n4. Group Leisure Membership\\n5. Golden Membership\\n6. Previous Menu\\n7. Main Menu</Text>" },
	{ messageId: "449be9fc-579b-457a-94bc-ff35f14000ee", message: "<Text>4</Text>" },
	{ messageId: "79193609-0f8e-4960-8423-f36b2b7cb82a", message: "<Text>\\nEnjoy access on weekdays only to our ladies only beach and pool and much more! Choose between 1 month, 3 months and annual memberships. \\nFor any further information please contact us on +971503403636 or 043400044 or email us on [email protected]\\n.Talk to an agent\\n2.Main Menu\\nPrevious Menu</Text>" },
];

const spec = (id: string) => SPEC_MESSAGES.find((m) => m.messageId.startsWith(id))!.message;

describe('parseMarkup', () => {
	it('parses a simple Text block', () => {
		expect(parseMarkup('<Text>Hi</Text>')).toEqual([{ tag: 'Text', text: 'Hi' }]);
	});

	it('decodes literal escape sequences inside Text', () => {
		const nodes = parseMarkup(spec('5f79a829'));
		expect(nodes).toEqual([
			{
				tag: 'Text',
				text: '\nChoose a membership package from the below\n\n1. Family\n2. Individual\n3. Student\n4. Previous Menu',
			},
		]);
	});

	it('parses the Button message into a tree', () => {
		expect(parseMarkup(spec('c031532d'))).toEqual([
			{
				tag: 'Button',
				children: [
					{ tag: 'Caption', text: 'Explore and choose from a range of membership plans and exciting offers' },
					{
						tag: 'Items',
						children: [
							{ tag: 'Item', text: 'Membership Packages' },
							{ tag: 'Item', text: 'Membership Offers' },
							{ tag: 'Item', text: 'Others' },
						],
					},
				],
			},
		]);
	});

	it('turns plain text without tags into one Text node', () => {
		expect(parseMarkup('Hello there')).toEqual([{ tag: 'Text', text: 'Hello there' }]);
		expect(parseMarkup('a < b and c > d')).toEqual([{ tag: 'Text', text: 'a < b and c > d' }]);
		expect(parseMarkup('')).toEqual([]);
		expect(parseMarkup('   ')).toEqual([]);
	});

	it('keeps text outside tags as Text nodes and drops whitespace between elements', () => {
		expect(parseMarkup('Hello <Text>world</Text>\n  <Text>again</Text>')).toEqual([
			{ tag: 'Text', text: 'Hello ' },
			{ tag: 'Text', text: 'world' },
			{ tag: 'Text', text: 'again' },
		]);
	});

	it('keeps mixed content as #text children', () => {
		expect(parseMarkup('<Text>Hi <B>you</B>!</Text>')).toEqual([
			{ tag: 'Text', children: [{ tag: '#text', text: 'Hi ' }, { tag: 'B', text: 'you' }, { tag: '#text', text: '!' }] },
		]);
	});

	it('handles self-closing tags, attributes and empty elements', () => {
		expect(parseMarkup('<Text>a<Br/>b</Text>')).toEqual([
			{ tag: 'Text', children: [{ tag: '#text', text: 'a' }, { tag: 'Br' }, { tag: '#text', text: 'b' }] },
		]);
		expect(parseMarkup('<Image type="png"><Url>u</Url></Image>')).toEqual([
			{ tag: 'Image', children: [{ tag: 'Url', text: 'u' }] },
		]);
		expect(parseMarkup('<Caption></Caption><Hr />')).toEqual([{ tag: 'Caption', text: '' }, { tag: 'Hr' }]);
	});

	it('keeps unknown tags as a tree', () => {
		expect(parseMarkup('<Carousel><Card><Title>A</Title></Card></Carousel>')).toEqual([
			{ tag: 'Carousel', children: [{ tag: 'Card', children: [{ tag: 'Title', text: 'A' }] }] },
		]);
	});

	describe('never throws on broken markup: the rest becomes text', () => {
		it('unclosed tag', () => {
			expect(parseMarkup('<Text>Hello')).toEqual([{ tag: 'Text', text: '<Text>Hello' }]);
		});

		it('keeps elements finished before the broken one', () => {
			expect(parseMarkup('<Text>ok</Text><Button><Caption>x</Caption>')).toEqual([
				{ tag: 'Text', text: 'ok' },
				{ tag: 'Text', text: '<Button><Caption>x</Caption>' },
			]);
		});

		it('mismatched closing tag', () => {
			expect(parseMarkup('<Text>a<B>b</Text></B>')).toEqual([{ tag: 'Text', text: '<Text>a<B>b</Text></B>' }]);
		});

		it('stray closing tag at top level', () => {
			expect(parseMarkup('<Text>a</Text></Items>tail')).toEqual([
				{ tag: 'Text', text: 'a' },
				{ tag: 'Text', text: '</Items>tail' },
			]);
		});

		it('still decodes escapes in the fallback text', () => {
			expect(parseMarkup('<Text>line\\nnext &amp; more')).toEqual([{ tag: 'Text', text: '<Text>line\nnext & more' }]);
		});

		it('nesting deeper than the limit', () => {
			const deep = '<A>'.repeat(MAX_MARKUP_DEPTH + 1) + 'x' + '</A>'.repeat(MAX_MARKUP_DEPTH + 1);
			const nodes = parseMarkup(deep);
			expect(nodes).toEqual([{ tag: 'Text', text: deep }]);
			const ok = '<A>'.repeat(MAX_MARKUP_DEPTH) + 'x' + '</A>'.repeat(MAX_MARKUP_DEPTH);
			expect(parseMarkup(ok)[0].tag).toBe('A');
		});

		it('tag-like text that is not a tag', () => {
			expect(parseMarkup('<Text>1 <2 and <3></Text>')).toEqual([{ tag: 'Text', text: '1 <2 and <3>' }]);
			expect(parseMarkup('<Text>x < y</Text>')).toEqual([{ tag: 'Text', text: 'x < y' }]);
			expect(parseMarkup('<<Text>>a</Text>')).toEqual([
				{ tag: 'Text', text: '<' },
				{ tag: 'Text', text: '>a' },
			]);
		});

		it('non-string input', () => {
			expect(parseMarkup(undefined as unknown as string)).toEqual([]);
		});
	});

	it('stays fast on large and adversarial input', () => {
		const started = Date.now();
		parseMarkup('<'.repeat(200_000));
		parseMarkup('<A '.repeat(100_000));
		parseMarkup('<Text>' + 'x\\n&amp;'.repeat(100_000) + '</Text>');
		parseMarkup('<A>'.repeat(50_000));
		expect(Date.now() - started).toBeLessThan(2000);
	});
});

describe('decodeMarkupText', () => {
	it('decodes escapes and entities', () => {
		expect(decodeMarkupText('a\\nb\\tc\\rd\\\\e\\"f\\/g\\u00e9')).toBe('a\nb\tc\rd\\e"f/gé');
		expect(decodeMarkupText('&amp;&lt;&gt;&quot;&apos;&#39;&#x1F4A1;')).toBe('&<>"\'\'💡');
	});

	it('decodes in a single pass', () => {
		expect(decodeMarkupText('&amp;lt;')).toBe('&lt;');
		expect(decodeMarkupText('\\\\n')).toBe('\\n');
	});

	it('leaves unknown escapes, bare ampersands and invalid code points alone', () => {
		expect(decodeMarkupText('Plans & Offers')).toBe('Plans & Offers');
		expect(decodeMarkupText('\\q &nbsp; &#0; &#x110000; \\u12')).toBe('\\q &nbsp; &#0; &#x110000; \\u12');
	});
});

describe('describeMarkup', () => {
	it('describes every sample message in the spec', () => {
		const described = SPEC_MESSAGES.map((m) => describeMarkup(parseMarkup(m.message)));
		for (const [index, summary] of described.entries()) {
			const isButton = SPEC_MESSAGES[index].message.startsWith('<Button>');
			expect(summary.type).toBe(isButton ? 'buttons' : 'text');
			expect(summary.text).toEqual(expect.any(String));
			expect(summary.text).not.toMatch(/\\n|<|^\s|\s$/); // decoded, no tags, trimmed
			expect(summary.content.length).toBeGreaterThan(0);
		}
		expect(described.map((d) => d.text?.split('\n')[0])).toEqual([
			'Hi',
			"Hello, Welcome to Dubai Ladies Club, the destination for Happy, Healthy Women. I'm your Virtual Assistant *Dana*.",
			'I can help you with the following services',
			'1',
			'Explore and choose from a range of membership plans and exciting offers',
			'Membership Packages(1)',
			'Choose a membership package from the below',
			'2',
			'Select one of the following services',
			'4',
			'Enjoy access on weekdays only to our ladies only beach and pool and much more! Choose between 1 month, 3 months and annual memberships. ', // the trailing space is inside the first line
		]);
	});

	it('decodes the multi-line service menu fully', () => {
		const summary = describeMarkup(parseMarkup(spec('07fc428d')));
		expect(summary.text).toBe(
			'I can help you with the following services\n\n1. Membership Plans & Offers\n2. Outdoor & Recreation\n3. Wellness Centre\n4. Al Asalla Spa\n5. Events\n6. Outlets at DLC\n7. Location\n8. FAQ\n\n*Tip* 💡: To select the desired item, reply with the number!',
		);
		expect(summary.buttons).toBeUndefined();
	});

	it('gives the caption as text and the items as buttons for a Button message', () => {
		const summary = describeMarkup(parseMarkup(spec('c031532d')));
		expect(summary).toEqual({
			type: 'buttons',
			text: 'Explore and choose from a range of membership plans and exciting offers',
			buttons: ['Membership Packages', 'Membership Offers', 'Others'],
			content: parseMarkup(spec('c031532d')),
		});
	});

	it('joins several Text blocks with a newline', () => {
		expect(describeMarkup(parseMarkup('<Text>one</Text><Text> two </Text><Text>  </Text>')).text).toBe('one\ntwo');
	});

	it('prefers Text blocks over a caption', () => {
		const summary = describeMarkup(parseMarkup('<Text>Pick one</Text><Button><Caption>C</Caption><Item>A</Item></Button>'));
		expect(summary).toMatchObject({ type: 'buttons', text: 'Pick one', buttons: ['A'] });
	});

	it.each(['Image', 'Video', 'Audio', 'Document', 'File'])('recognizes %s media with a Url', (tag) => {
		const summary = describeMarkup(parseMarkup(`<${tag}><Url>https://cdn.test/f</Url><Caption>Look</Caption></${tag}>`));
		expect(summary).toMatchObject({
			type: 'media',
			text: 'Look',
			media: { kind: tag.toLowerCase(), url: 'https://cdn.test/f', caption: 'Look' },
		});
	});

	it('recognizes media whose content is just a URL, without a caption', () => {
		const summary = describeMarkup(parseMarkup('<Image>https://cdn.test/a.png</Image>'));
		expect(summary).toEqual({
			type: 'media',
			text: null,
			media: { kind: 'image', url: 'https://cdn.test/a.png' },
			content: [{ tag: 'Image', text: 'https://cdn.test/a.png' }],
		});
	});

	it('does not treat a media tag without a Url as media', () => {
		expect(describeMarkup(parseMarkup('<Image><Caption>no url</Caption></Image>'))).toMatchObject({
			type: 'unknown',
			text: 'no url',
		});
	});

	it('recognizes a Location', () => {
		const summary = describeMarkup(
			parseMarkup('<Location><Latitude>25.2048</Latitude><Longitude>55.2708</Longitude><Name>DLC</Name><Address>Jumeirah</Address></Location>'),
		);
		expect(summary).toMatchObject({
			type: 'location',
			text: null,
			location: { latitude: 25.2048, longitude: 55.2708, name: 'DLC', address: 'Jumeirah' },
		});
	});

	it('rejects a Location with invalid coordinates', () => {
		for (const markup of [
			'<Location><Latitude>abc</Latitude><Longitude>55</Longitude></Location>',
			'<Location><Latitude>95</Latitude><Longitude>55</Longitude></Location>',
			'<Location><Latitude>25</Latitude></Location>',
		]) {
			const summary = describeMarkup(parseMarkup(markup));
			expect(summary.type).toBe('unknown');
			expect(summary.location).toBeUndefined();
		}
	});

	it('keeps unknown tags in content with type unknown', () => {
		const nodes = parseMarkup('<Carousel><Card><Title>A</Title></Card></Carousel>');
		expect(describeMarkup(nodes)).toEqual({ type: 'unknown', text: null, content: nodes });
	});

	it('describes text next to unknown tags as text, keeping the whole tree', () => {
		const nodes = parseMarkup('<Text>hi</Text><Sticker id="1"/>');
		expect(describeMarkup(nodes)).toEqual({ type: 'text', text: 'hi', content: nodes });
	});

	it('describes broken markup as its text fallback', () => {
		expect(describeMarkup(parseMarkup('<Text>Hello'))).toMatchObject({ type: 'text', text: '<Text>Hello' });
	});

	it('describes empty markup as unknown with no text', () => {
		expect(describeMarkup(parseMarkup(''))).toEqual({ type: 'unknown', text: null, content: [] });
	});

	it('matches tags case-insensitively', () => {
		expect(describeMarkup(parseMarkup('<text>a</text><BUTTON><items><item>x</item></items></BUTTON>'))).toMatchObject({
			type: 'buttons',
			text: 'a',
			buttons: ['x'],
		});
	});
});

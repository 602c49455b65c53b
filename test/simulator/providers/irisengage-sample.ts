/**
 * The documented sample conversation (specs/irisengage.txt), served verbatim for mobile number 971569113820
 * so tests can compare the simulator with the spec. '[email\u00a0protected]' is verbatim too: the published
 * page had its e-mail address obfuscated.
 */
import type { IrisMessage, IrisSession } from './irisengage-data';

export const SAMPLE_MOBILE_NO = '971569113820';

export const SAMPLE_SESSION: IrisSession = {
	requestId: 'CDC079CC-C7FC-46CC-AECA-FD81D83A82B8',
	requestedDate: '08-15-2023 07:39:17 PM',
	channelName: 'WhatsApp',
	chatStatus: 'Cleared',
};

/** The sample's creation time, as the generator's clock for this number's older sessions. */
export const SAMPLE_SESSION_START = Date.UTC(2023, 7, 15, 19, 39, 17);

/** What differs between the sample's messages; the rest is the same for all eleven. */
const sampleMessages: Array<
	Pick<IrisMessage, 'messageId' | 'direction' | 'messageType' | 'createdDate' | 'message'>
> = [
	{
		messageId: '85a7339d-3e6f-4b22-b2e4-f8fa09bc3379',
		direction: 'Inbound',
		messageType: 0,
		createdDate: '2023-08-15 07:39:17 PM',
		message: '<Text>Hi</Text>',
	},
	{
		messageId: 'e0b8eeeb-0596-4a65-a992-a28ba47264ee',
		direction: 'Outbound',
		messageType: 0,
		createdDate: '2023-08-15 07:39:18 PM',
		message:
			"<Text>Hello, Welcome to Dubai Ladies Club, the destination for Happy, Healthy Women. I'm your Virtual Assistant *Dana*.</Text>",
	},
	{
		messageId: '07fc428d-9f73-40ad-8c3c-3bf13eebb1cf',
		direction: 'Outbound',
		messageType: 0,
		createdDate: '2023-08-15 07:39:19 PM',
		message:
			'<Text>\\nI can help you with the following services\\n\\n1. Membership Plans & Offers\\n2. Outdoor & Recreation\\n3. Wellness Centre\\n4. Al Asalla Spa\\n5. Events\\n6. Outlets at DLC\\n7. Location\\n8. FAQ\\n\\n*Tip* 💡: To select the desired item, reply with the number!</Text>',
	},
	{
		messageId: '17222f1c-aa05-4e12-a032-e25602d42f19',
		direction: 'Inbound',
		messageType: 0,
		createdDate: '2023-08-15 07:39:24 PM',
		message: '<Text>1</Text>',
	},
	{
		messageId: 'c031532d-4183-403a-bc23-d6789534d462',
		direction: 'Outbound',
		messageType: 6,
		createdDate: '2023-08-15 07:39:26 PM',
		message:
			'<Button><Caption>Explore and choose from a range of membership plans and exciting offers</Caption><Items><Item>Membership Packages</Item><Item>Membership Offers</Item><Item>Others</Item></Items></Button>',
	},
	{
		messageId: 'd68051e0-68a6-4805-9d24-c00cc5a43ce8',
		direction: 'Inbound',
		messageType: 0,
		createdDate: '2023-08-15 07:39:33 PM',
		message: '<Text>Membership Packages(1)</Text>',
	},
	{
		messageId: '5f79a829-a1ef-4245-afa5-80f3192fae88',
		direction: 'Outbound',
		messageType: 0,
		createdDate: '2023-08-15 07:39:34 PM',
		message:
			'<Text>\\nChoose a membership package from the below\\n\\n1. Family\\n2. Individual\\n3. Student\\n4. Previous Menu</Text>',
	},
	{
		messageId: 'e94d8859-eb15-422b-84d0-75f8d121e494',
		direction: 'Inbound',
		messageType: 0,
		createdDate: '2023-08-15 07:39:40 PM',
		message: '<Text>2</Text>',
	},
	{
		messageId: 'b427150d-1819-407e-a5ce-e7faf61d4e54',
		direction: 'Outbound',
		messageType: 0,
		createdDate: '2023-08-15 07:39:41 PM',
		message:
			'<Text>\\nSelect one of the following services\\n\\n1. Premium Membership\\n2. Classic Membership Menu\\n3. Single Facility Membership\\n4. Group Leisure Membership\\n5. Golden Membership\\n6. Previous Menu\\n7. Main Menu</Text>',
	},
	{
		messageId: '449be9fc-579b-457a-94bc-ff35f14000ee',
		direction: 'Inbound',
		messageType: 0,
		createdDate: '2023-08-15 07:39:51 PM',
		message: '<Text>4</Text>',
	},
	{
		messageId: '79193609-0f8e-4960-8423-f36b2b7cb82a',
		direction: 'Outbound',
		messageType: 0,
		createdDate: '2023-08-15 07:39:52 PM',
		message:
			'<Text>\\nEnjoy access on weekdays only to our ladies only beach and pool and much more! Choose between 1 month, 3 months and annual memberships. \\nFor any further information please contact us on +971503403636 or 043400044 or email us on [email\u00a0protected]\\n.Talk to an agent\\n2.Main Menu\\nPrevious Menu</Text>',
	},
];

export const SAMPLE_MESSAGES: IrisMessage[] = sampleMessages.map((varying) => ({
	id: 'cdc079cc-c7fc-46cc-aeca-fd81d83a82b8',
	customerNumber: SAMPLE_MOBILE_NO,
	customerName: 'Ganga Shyam',
	customerEmail: null,
	channelId: '1',
	botId: '7f59ef1d-4386-4b36-914e-fad77b8deb6f',
	messageId: varying.messageId,
	direction: varying.direction,
	message: varying.message,
	createdDate: varying.createdDate,
	messageType: varying.messageType,
	channel: 'WhatsApp',
	handledBy: 'BOT',
	userName: '',
}));

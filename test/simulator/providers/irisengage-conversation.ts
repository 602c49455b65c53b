/**
 * Plausible WhatsApp bot conversations in IrisEngage's message markup. The markup is not XML-escaped (the
 * spec sample has a raw '&') and line breaks are the two characters backslash + n, as the API sends them.
 */
import type { Random } from '../random';

/** 0 (text) and 6 (buttons) are documented in the spec sample; 1 for images is our assumption. */
export const MESSAGE_TYPE = { text: 0, image: 1, button: 6 } as const;

export interface ConversationTurn {
	direction: 'Inbound' | 'Outbound';
	messageType: number;
	message: string;
	/** The user name of the human agent handling the conversation; unset while the bot handles it. */
	agent?: string;
}

const LINE_BREAK = '\\n';

const textMarkup = (value: string) => `<Text>${value}</Text>`;
const menuMarkup = (title: string, items: string[]) =>
	textMarkup(
		`${LINE_BREAK}${title}${LINE_BREAK}${LINE_BREAK}${items.map((item, i) => `${i + 1}. ${item}`).join(LINE_BREAK)}`,
	);
const buttonMarkup = (caption: string, items: string[]) =>
	`<Button><Caption>${caption}</Caption><Items>${items.map((item) => `<Item>${item}</Item>`).join('')}</Items></Button>`;
const imageMarkup = (url: string, caption: string) =>
	`<Image><Url>${url}</Url><Caption>${caption}</Caption></Image>`;

const GREETINGS = ['Hi', 'Hello', 'Good morning', 'Hey there', 'Salam'];
const WELCOME =
	"Hello, Welcome to Example Club, your place for sport and wellness. I'm your Virtual Assistant *Dana*.";
const MENUS = [
	{
		title: 'I can help you with the following services',
		items: [
			'Membership Plans & Offers',
			'Classes & Timetable',
			'Spa Bookings',
			'Events',
			'Location',
			'FAQ',
		],
	},
	{ title: 'Choose a class category', items: ['Yoga', 'Pilates', 'Swimming', 'Previous Menu'] },
	{
		title: 'How would you like us to contact you?',
		items: ['Call me back', 'Email me', 'Main Menu'],
	},
];
const BUTTONS = [
	{
		caption: "Explore our membership plans and this month's offers",
		items: ['Family', 'Individual', 'Student'],
	},
	{ caption: 'Would you like to book a session?', items: ['Book now', 'Later', 'Main Menu'] },
	{ caption: 'Was this information helpful?', items: ['Yes', 'No'] },
];
const BOT_IMAGES = [
	{
		url: 'https://cdn.example.com/irisengage/timetable.jpg',
		caption: "This week's class timetable",
	},
	{ url: 'https://cdn.example.com/irisengage/location-map.jpg', caption: 'How to find us' },
	{ url: 'https://cdn.example.com/irisengage/spa-offers.jpg', caption: 'Spa offers this month' },
];
const CUSTOMER_QUESTIONS = [
	'What are your opening hours?',
	'Is parking free?',
	'Thanks',
	'Ok',
	'Can I bring a guest?',
];
const AGENTS = [
	{ userName: 'sara.khan', firstName: 'Sara' },
	{ userName: 'omar.haddad', firstName: 'Omar' },
	{ userName: 'lina.fernandes', firstName: 'Lina' },
];

const outbound = (messageType: number, message: string): ConversationTurn => ({
	direction: 'Outbound',
	messageType,
	message,
});
const inbound = (messageType: number, message: string): ConversationTurn => ({
	direction: 'Inbound',
	messageType,
	message,
});

/** What the customer answers to a bot prompt: a menu number, a button label, or something of their own. */
function customerReply(
	rng: Random,
	prompt: { items?: string[]; buttons?: boolean },
): ConversationTurn {
	if (prompt.items && rng.chance(0.8)) {
		const choice = rng.int(1, prompt.items.length);
		const answer = prompt.buttons ? `${prompt.items[choice - 1]}(${choice})` : String(choice);
		return inbound(MESSAGE_TYPE.text, textMarkup(answer));
	}
	if (rng.chance(0.15)) {
		const photo = `https://cdn.example.com/irisengage/inbound/${rng.int(1000, 9999)}.jpg`;
		return inbound(MESSAGE_TYPE.image, imageMarkup(photo, 'Photo from customer'));
	}
	return inbound(MESSAGE_TYPE.text, textMarkup(rng.pick(CUSTOMER_QUESTIONS)));
}

function botPrompt(rng: Random): { turn: ConversationTurn; items?: string[]; buttons?: boolean } {
	const kind = rng.int(0, 2);
	if (kind === 0) {
		const menu = rng.pick(MENUS);
		return {
			turn: outbound(MESSAGE_TYPE.text, menuMarkup(menu.title, menu.items)),
			items: menu.items,
		};
	}
	if (kind === 1) {
		const button = rng.pick(BUTTONS);
		return {
			turn: outbound(MESSAGE_TYPE.button, buttonMarkup(button.caption, button.items)),
			items: button.items,
			buttons: true,
		};
	}
	const image = rng.pick(BOT_IMAGES);
	return { turn: outbound(MESSAGE_TYPE.image, imageMarkup(image.url, image.caption)) };
}

/** The first `count` turns of a conversation: a greeting, the bot's welcome, then prompts and answers. */
export function conversation(rng: Random, count: number): ConversationTurn[] {
	const turns: ConversationTurn[] = [
		inbound(MESSAGE_TYPE.text, textMarkup(rng.pick(GREETINGS))),
		outbound(MESSAGE_TYPE.text, textMarkup(WELCOME)),
	];
	// Some customers ask for a human halfway; from then on an agent answers and `handledBy` changes.
	const handoverAt = rng.chance(0.25) ? rng.int(4, 10) : Infinity;
	let agent: string | undefined;

	while (turns.length < count) {
		if (agent === undefined && turns.length >= handoverAt) {
			const { userName, firstName } = rng.pick(AGENTS);
			agent = userName;
			turns.push(inbound(MESSAGE_TYPE.text, textMarkup('Talk to an agent')));
			turns.push({
				...outbound(
					MESSAGE_TYPE.text,
					textMarkup(`Hi, this is ${firstName}.${LINE_BREAK}How can I help you today?`),
				),
				agent,
			});
			continue;
		}
		if (agent !== undefined) {
			turns.push({
				...inbound(MESSAGE_TYPE.text, textMarkup(rng.pick(CUSTOMER_QUESTIONS))),
				agent,
			});
			turns.push({
				...outbound(MESSAGE_TYPE.text, textMarkup('Let me check that for you.')),
				agent,
			});
			continue;
		}
		const prompt = botPrompt(rng);
		turns.push(prompt.turn);
		turns.push(customerReply(rng, prompt));
	}
	return turns.slice(0, count);
}

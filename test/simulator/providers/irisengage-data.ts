/** IrisEngage's seeded data: the sessions of any mobile number and the messages of any session. */
import type { SimulatorSizes } from '../provider';
import { randomFor } from '../random';
import { conversation } from './irisengage-conversation';
import { decodeRequestId, encodeRequestId } from './irisengage-request-id';
import {
	SAMPLE_MESSAGES,
	SAMPLE_MOBILE_NO,
	SAMPLE_SESSION,
	SAMPLE_SESSION_START,
} from './irisengage-sample';

export interface IrisSession {
	requestId: string;
	requestedDate: string;
	channelName: 'WhatsApp';
	chatStatus: string;
}

export interface IrisMessage {
	id: string;
	customerNumber: string;
	customerName: string;
	customerEmail: string | null;
	channelId: string;
	botId: string;
	messageId: string;
	direction: 'Inbound' | 'Outbound';
	message: string;
	createdDate: string;
	messageType: number;
	channel: 'WhatsApp';
	handledBy: 'BOT' | 'AGENT';
	userName: string;
}

/** Newest sessions start shortly before this fixed instant: data must not depend on when tests run. */
const DATA_ANCHOR = Date.UTC(2024, 5, 3, 9, 30, 0);
const HOUR = 3600_000;

const FIRST_NAMES = [
	'Ganga',
	'Aisha',
	'Rahul',
	'Fatima',
	'John',
	'Mei',
	'Carlos',
	'Noor',
	'Priya',
	'Yusuf',
];
const LAST_NAMES = [
	'Shyam',
	'Al Mansoori',
	'Mehta',
	'Hassan',
	'Smith',
	'Chen',
	'Garcia',
	'Khan',
	'Nair',
	'Ibrahim',
];

const pad = (value: number) => String(value).padStart(2, '0');

/** The API's two date formats: 'MM-DD-YYYY hh:mm:ss AM' for sessions, 'YYYY-MM-DD hh:mm:ss AM' for messages. */
function formatDate(ms: number, order: 'month-first' | 'year-first'): string {
	const date = new Date(ms);
	const hours = date.getUTCHours();
	const time = `${pad(hours % 12 || 12)}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
	const [year, month, day] = [
		date.getUTCFullYear(),
		pad(date.getUTCMonth() + 1),
		pad(date.getUTCDate()),
	];
	return order === 'month-first'
		? `${month}-${day}-${year} ${time}`
		: `${year}-${month}-${day} ${time}`;
}

export class IrisData {
	constructor(
		private readonly seed: number,
		private readonly sizes: SimulatorSizes,
	) {}

	/** Start time and status of each session of a number, newest first. Numbers starting with 000 have none. */
	private timeline(mobileNo: string): Array<{ startMs: number; chatStatus: string }> {
		if (mobileNo.startsWith('000')) return [];
		const rng = randomFor(this.seed, 'iris-sessions', mobileNo);
		const count = this.sizes.irisConversationsPerNumber ?? rng.int(3, 8);
		let startMs =
			mobileNo === SAMPLE_MOBILE_NO ? SAMPLE_SESSION_START : DATA_ANCHOR - rng.int(0, 72) * HOUR;
		return Array.from({ length: count }, (_, index) => {
			if (index > 0) startMs -= rng.int(2 * HOUR, 240 * HOUR) + rng.int(0, 3599) * 1000;
			const chatStatus = rng.pick(
				index === 0 ? ['Active', 'Cleared', 'Closed'] : ['Cleared', 'Closed'],
			);
			return { startMs, chatStatus };
		});
	}

	sessions(mobileNo: string): IrisSession[] {
		return this.timeline(mobileNo).map(({ startMs, chatStatus }, index) =>
			mobileNo === SAMPLE_MOBILE_NO && index === 0
				? SAMPLE_SESSION
				: {
						requestId: encodeRequestId(this.seed, mobileNo, index),
						requestedDate: formatDate(startMs, 'month-first'),
						channelName: 'WhatsApp',
						chatStatus,
					},
		);
	}

	/** The messages of a session, oldest first; [] for ids this simulator never issued. */
	messages(requestId: string): IrisMessage[] {
		if (requestId.toUpperCase() === SAMPLE_SESSION.requestId) return SAMPLE_MESSAGES;
		const decoded = decodeRequestId(this.seed, requestId);
		const session = decoded && this.timeline(decoded.mobileNo)[decoded.index];
		if (!decoded || !session) return [];

		const { mobileNo, index } = decoded;
		const customer = randomFor(this.seed, 'iris-customer', mobileNo);
		const [firstName, lastName] = [customer.pick(FIRST_NAMES), customer.pick(LAST_NAMES)];
		const customerEmail = customer.chance(0.3)
			? `${firstName}.${lastName}@example.com`.toLowerCase().replace(/ /g, '')
			: null;
		const botId = randomFor(this.seed, 'iris-bot').guid();

		const rng = randomFor(this.seed, 'iris-messages', mobileNo, index);
		const turns = conversation(rng, this.sizes.irisMessagesPerConversation ?? rng.int(5, 12));
		let createdMs = session.startMs;
		return turns.map((turn, position) => {
			if (position > 0) createdMs += rng.int(1, 12) * 1000;
			return {
				id: requestId.toLowerCase(),
				customerNumber: mobileNo,
				customerName: `${firstName} ${lastName}`,
				customerEmail,
				channelId: '1',
				botId,
				messageId: rng.guid(),
				direction: turn.direction,
				message: turn.message,
				createdDate: formatDate(createdMs, 'year-first'),
				messageType: turn.messageType,
				channel: 'WhatsApp',
				handledBy: turn.agent ? 'AGENT' : 'BOT',
				userName: turn.agent ?? '',
			};
		});
	}
}

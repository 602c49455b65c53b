/**
 * Netcore's seeded data: bot users per channel and the transcript of any bot user. The API refuses transcript
 * windows older than 3 months from the current date, so data is placed relative to when the simulator started
 * (`anchorMs`), not at a fixed instant: deterministic for one simulator's lifetime and always within the window.
 */
import type { SimulatorSizes } from '../provider';
import { randomFor } from '../random';
import { transcriptEntry } from './netcore-transcript';

/** Channels the users endpoint knows (its channelIds enum). */
export const USER_CHANNELS: Record<number, string> = { 1010: 'webchat', 1014: 'whatsapp', 1016: 'telegram', 1017: 'facebook' };

/** Channels the transcripts endpoint knows (its channelId enum). */
export const TRANSCRIPT_CHANNELS: Record<number, string> = {
	1010: 'webchat',
	1011: 'workflow',
	1012: 'googleBusinessMessages',
	1013: 'general',
	1014: 'whatsapp',
	1015: 'RCSBusinessMessages',
	1016: 'telegram',
	1017: 'facebook',
	1018: 'sms',
	1019: 'hangoutsChat',
	1020: 'google',
	1021: 'instagramMessaging',
};

export const WHATSAPP = 1014;
/** The spec's sample WhatsApp bot user; the first WhatsApp user has this number. */
export const SAMPLE_WHATSAPP_USER = '+919876543210';

export interface NetcoreUser {
	userId: string;
	channelName: string;
	userName: string;
	createdDate: string;
	'first interacted date': string;
	'last interacted date': string;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Seeded users were created over this many days before the anchor, transcripts over the last TRANSCRIPT_DAYS. */
const USER_DAYS = 80;
const TRANSCRIPT_DAYS = 60;
const DEFAULT_USERS_PER_CHANNEL = 40;
const DEFAULT_TRANSCRIPTS_PER_USER = 30;

const FIRST_NAMES = ['Aarav', 'Diya', 'Kabir', 'Meera', 'Rohan', 'Sara', 'Vihaan', 'Anika', 'Arjun', 'Isha'];
const LAST_NAMES = ['Sharma', 'Iyer', 'Khan', 'Patel', 'Das', 'Fernandes', 'Gupta', 'Menon', 'Singh', 'Bose'];

const iso = (ms: number) => new Date(ms).toISOString();

/** Ids are unique per channel by construction (each index owns its own range), as real ones are. */
function userIdFor(channelId: number, seed: number, index: number, added: boolean): string {
	const rng = randomFor(seed, 'netcore-user-id', channelId, index, added ? 'added' : 'seeded');
	const slot = (added ? 50_000 : 0) + index;
	if (channelId === WHATSAPP) return !added && index === 0 ? SAMPLE_WHATSAPP_USER : `+91${8_000_000_000 + slot * 10_000 + rng.int(0, 9999)}`;
	if (channelId === 1016) return String(100_000_000 + slot * 1000 + rng.int(0, 999));
	if (channelId === 1017) return String(2_000_000_000_000_000 + slot * 1_000_000 + rng.int(0, 999_999));
	return rng.guid();
}

export class NetcoreData {
	/** Users added through the simulator's `/sim/users` route, as new sign-ups for polling triggers. */
	private readonly added: Record<number, NetcoreUser[]> = {};
	/** Seeded users per channel, generated once: benchmarks page through tens of thousands. */
	private readonly seeded = new Map<number, NetcoreUser[]>();

	constructor(
		private readonly seed: number,
		private readonly sizes: SimulatorSizes,
		readonly anchorMs: number,
	) {}

	private user(channelId: number, index: number, createdMs: number, added: boolean): NetcoreUser {
		const rng = randomFor(this.seed, 'netcore-user', channelId, index, added ? 'added' : 'seeded');
		const lastMs = Math.min(createdMs + rng.int(0, 72) * 60 * MINUTE, Math.max(createdMs, this.anchorMs));
		return {
			userId: userIdFor(channelId, this.seed, index, added),
			channelName: USER_CHANNELS[channelId],
			userName: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
			createdDate: iso(createdMs),
			'first interacted date': iso(createdMs),
			'last interacted date': iso(lastMs),
		};
	}

	/** A channel's users, oldest first: seeded ones spread over the last USER_DAYS, then added ones. */
	users(channelId: number): NetcoreUser[] {
		let seeded = this.seeded.get(channelId);
		if (!seeded) {
			const count = this.sizes.netcoreUsersPerChannel ?? DEFAULT_USERS_PER_CHANNEL;
			const first = this.anchorMs - USER_DAYS * DAY;
			const step = (USER_DAYS * DAY - 60 * MINUTE) / Math.max(count, 1);
			seeded = Array.from({ length: count }, (_, index) => this.user(channelId, index, Math.round(first + index * step), false));
			this.seeded.set(channelId, seeded);
		}
		return [...seeded, ...(this.added[channelId] ?? [])];
	}

	/** New users created now (distinct milliseconds, so their order is well defined). */
	addUsers(channelId: number, count: number): NetcoreUser[] {
		const list = (this.added[channelId] ??= []);
		const last = list.length > 0 ? Date.parse(list[list.length - 1].createdDate) : 0;
		const start = Math.max(Date.now(), last + 1);
		const fresh = Array.from({ length: count }, (_, offset) => this.user(channelId, list.length + offset, start + offset, true));
		list.push(...fresh);
		return fresh;
	}

	transcriptCount(): number {
		return this.sizes.netcoreTranscriptsPerUser ?? DEFAULT_TRANSCRIPTS_PER_USER;
	}

	/** Creation time of entry `index`: evenly spaced over the last TRANSCRIPT_DAYS, oldest first. */
	private entryTime(index: number): number {
		const count = this.transcriptCount();
		const first = this.anchorMs - TRANSCRIPT_DAYS * DAY;
		return first + Math.floor((index * (TRANSCRIPT_DAYS * DAY - MINUTE)) / Math.max(count, 1));
	}

	/** Indexes [from, to) of the entries created within [startMs, endMs]. */
	transcriptRange(startMs: number, endMs: number): { from: number; to: number } {
		const count = this.transcriptCount();
		let from = 0;
		while (from < count && this.entryTime(from) < startMs) from++;
		let to = from;
		while (to < count && this.entryTime(to) <= endMs) to++;
		return { from, to };
	}

	/** Entries [from, to) of a bot user's transcript; each is generated on its own, so pages cost only their size. */
	transcripts(channelId: number, botUserId: string, from: number, to: number): Array<Record<string, unknown>> {
		const preview = botUserId.startsWith('preview-');
		return Array.from({ length: Math.max(0, to - from) }, (_, offset) => {
			const index = from + offset;
			const rng = randomFor(this.seed, 'netcore-transcript', channelId, botUserId, index);
			return transcriptEntry(rng, index, this.entryTime(index), preview);
		});
	}

	customFields(channelId: number, botUserId: string): Record<string, unknown> {
		const rng = randomFor(this.seed, 'netcore-custom-fields', channelId, botUserId);
		const first = rng.pick(FIRST_NAMES);
		return {
			name: `${first} ${rng.pick(LAST_NAMES)}`,
			email: `${first.toLowerCase()}${rng.int(1, 99)}@example.com`,
			city: rng.pick(['Mumbai', 'Pune', 'Bengaluru', 'Delhi']),
			loyaltyPoints: rng.int(0, 5000),
		};
	}
}

/**
 * Customers' webhook subscriptions, for providers whose APIs let a customer register a callback URL
 * (Mehery, CTLive, Wavy). Providers read subscribers with their secrets; tests list them without.
 */
import { checkWebhookUrl } from './outbound';
import type { WebhookRegistration, Webhooks, WebhookSubscription } from './types';

export interface Subscriber extends WebhookSubscription {
	secret?: string;
}

export class WebhookRegistry implements Webhooks {
	private subscriptions: Subscriber[] = [];
	/** Ids count from 1 again after `clear()`, so tests can expect them. */
	private nextId = 1;

	register(provider: string, { url, events = ['*'], secret }: WebhookRegistration): string {
		if (typeof provider !== 'string' || provider === '')
			throw new TypeError('A webhook needs a provider name');
		checkWebhookUrl(url);
		if (!Array.isArray(events) || events.some((event) => typeof event !== 'string' || event === ''))
			throw new TypeError('Webhook events must be an array of event names');
		if (secret !== undefined && typeof secret !== 'string')
			throw new TypeError('A webhook secret must be a string');
		const id = `wh_${this.nextId++}`;
		this.subscriptions.push({ id, provider, url, events: [...events], createdAt: Date.now(), secret });
		return id;
	}

	unregister(provider: string, id: string): boolean {
		const before = this.subscriptions.length;
		this.subscriptions = this.subscriptions.filter(
			(subscription) => !(subscription.provider === provider && subscription.id === id),
		);
		return this.subscriptions.length < before;
	}

	list(provider?: string): WebhookSubscription[] {
		return this.subscriptions
			.filter((subscription) => provider === undefined || subscription.provider === provider)
			.map(({ secret: _secret, events, ...listed }) => ({ ...listed, events: [...events] }));
	}

	/** Who gets a provider's event, secrets included for signing; '*' subscribes to every event. */
	subscribers(provider: string, event: string): Subscriber[] {
		return this.subscriptions
			.filter(
				(subscription) =>
					subscription.provider === provider &&
					(subscription.events.includes('*') || subscription.events.includes(event)),
			)
			.map((subscription) => ({ ...subscription, events: [...subscription.events] }));
	}

	clear(): void {
		this.subscriptions = [];
		this.nextId = 1;
	}
}

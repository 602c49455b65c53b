/**
 * Infobip's general message statuses, which CTLive's delivery reports follow: five groups, each status with an
 * id, a name and a short description. A report may also carry a custom status (see report/sendDelivery.ts).
 */

export const STATUS_GROUPS = {
	1: 'PENDING',
	2: 'UNDELIVERABLE',
	3: 'DELIVERED',
	4: 'EXPIRED',
	5: 'REJECTED',
} as const;

export type StatusGroupId = keyof typeof STATUS_GROUPS;

export interface CtLiveStatus {
	id: number;
	groupId: number;
	groupName: string;
	name: string;
	description?: string;
}

const table: Array<[StatusGroupId, number, string, string]> = [
	[1, 3, 'PENDING_WAITING_DELIVERY', 'Message sent, waiting for delivery report'],
	[1, 7, 'PENDING_ENROUTE', 'Message sent to next instance'],
	[1, 26, 'PENDING_ACCEPTED', 'Message accepted, pending for delivery'],
	[2, 4, 'UNDELIVERABLE_REJECTED_OPERATOR', 'Message rejected by operator'],
	[2, 9, 'UNDELIVERABLE_NOT_DELIVERED', 'Message sent not delivered'],
	[2, 31, 'UNDELIVERABLE_NOT_SENT', 'Message not sent'],
	[3, 2, 'DELIVERED_TO_OPERATOR', 'Message delivered to operator'],
	[3, 5, 'DELIVERED_TO_HANDSET', 'Message delivered to handset'],
	[4, 15, 'EXPIRED_EXPIRED', 'Message expired'],
	[4, 29, 'EXPIRED_DLR_UNKNOWN', 'Message expired, delivery status unknown'],
	[5, 6, 'REJECTED_NETWORK', 'Network is forbidden'],
	[5, 8, 'REJECTED_PREFIX_MISSING', 'Number prefix missing'],
	[5, 10, 'REJECTED_DND', 'Destination on DND list'],
	[5, 11, 'REJECTED_SOURCE', 'Invalid source address'],
	[5, 12, 'REJECTED_NOT_ENOUGH_CREDITS', 'Not enough credits'],
	[5, 13, 'REJECTED_SENDER', 'Rejected by sender'],
	[5, 14, 'REJECTED_DESTINATION_BLOCKLISTED', 'Destination blocklisted'],
	[5, 17, 'REJECTED_PREPAID_PACKAGE_EXPIRED', 'Account credits expired'],
	[5, 18, 'REJECTED_DESTINATION_NOT_REGISTERED', 'Destination not registered'],
	[5, 19, 'REJECTED_ROUTE_NOT_AVAILABLE', 'Route not available'],
	[5, 20, 'REJECTED_FLOODING_FILTER', 'Rejected by flooding filter'],
	[5, 21, 'REJECTED_SYSTEM_ERROR', 'System error'],
	[5, 23, 'REJECTED_DUPLICATE_MESSAGE_ID', 'Duplicate message id'],
	[5, 24, 'REJECTED_INVALID_UDH', 'Invalid UDH'],
	[5, 25, 'REJECTED_MESSAGE_TOO_LONG', 'Message too long'],
	[5, 51, 'MISSING_TO', 'Missing to'],
	[5, 52, 'REJECTED_DESTINATION', 'Invalid destination'],
];

export const STATUSES: readonly CtLiveStatus[] = table.map(([groupId, id, name, description]) => ({
	id,
	groupId,
	groupName: STATUS_GROUPS[groupId],
	name,
	description,
}));

/** The status the trigger answers CTLive with: accepted by the channel, on its way. */
export const PENDING_ENROUTE = STATUSES.find((status) => status.name === 'PENDING_ENROUTE')!;

export function statusByName(name: string): CtLiveStatus | undefined {
	const wanted = name.trim().toUpperCase();
	return STATUSES.find((status) => status.name === wanted);
}

export function groupNameOf(groupId: number): string | undefined {
	return STATUS_GROUPS[groupId as StatusGroupId];
}

/**
 * IrisEngage request ids that carry their own (mobile number, session index), so GetContent can regenerate a
 * session from the id alone: no table to fill or bound, and ids stay valid across restarts with the same seed.
 *
 * Layout of the 15 free bytes of a version-4-shaped GUID:
 *   check (5 bytes, seeded hash of the payload) | payload (10 bytes) XOR a keystream derived from the check
 * Payload: the digits as BCD padded with 0xF (up to 16 digits), then the index (2 bytes, big-endian). The
 * check doubles as the keystream's nonce, so sessions of one number do not share a visible prefix, and it
 * rejects ids made up by hand or issued under another seed.
 */
import { randomFor } from '../random';

export const MAX_MOBILE_DIGITS = 16;
export const MAX_SESSION_INDEX = 0xffff;

const toHex = (bytes: number[]) => bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');

function checkBytes(seed: number, mobileNo: string, index: number): number[] {
	return randomFor(seed, 'iris-request-id', mobileNo, index).bytes(5);
}

function keystream(seed: number, check: number[]): number[] {
	return randomFor(seed, 'iris-request-id-mask', toHex(check)).bytes(10);
}

export function encodeRequestId(seed: number, mobileNo: string, index: number): string {
	const digits = mobileNo.padEnd(MAX_MOBILE_DIGITS, 'f');
	const payload = [
		...Array.from({ length: 8 }, (_, i) => parseInt(digits.slice(i * 2, i * 2 + 2), 16)),
		index >> 8,
		index & 0xff,
	];
	const check = checkBytes(seed, mobileNo, index);
	const mask = keystream(seed, check);
	const free = toHex([...check, ...payload.map((byte, i) => byte ^ mask[i])]);
	const variant = '89ab'[check[0] & 3];
	const hex = `${free.slice(0, 12)}4${free.slice(12, 15)}${variant}${free.slice(15)}`;
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`.toUpperCase();
}

/** The (mobile number, index) an id was made from, or undefined for ids this seed never issued. */
export function decodeRequestId(
	seed: number,
	requestId: string,
): { mobileNo: string; index: number } | undefined {
	const hex = requestId.replace(/-/g, '').toLowerCase();
	if (!/^[0-9a-f]{32}$/.test(hex) || hex[12] !== '4') return undefined;
	const free = hex.slice(0, 12) + hex.slice(13, 16) + hex.slice(17);
	const bytes = Array.from({ length: 15 }, (_, i) => parseInt(free.slice(i * 2, i * 2 + 2), 16));
	const check = bytes.slice(0, 5);
	const mask = keystream(seed, check);
	const payload = bytes.slice(5).map((byte, i) => byte ^ mask[i]);

	const mobileNo = toHex(payload.slice(0, 8)).replace(/f+$/, '');
	const index = (payload[8] << 8) | payload[9];
	if (!/^\d+$/.test(mobileNo)) return undefined;
	if (toHex(checkBytes(seed, mobileNo, index)) !== toHex(check)) return undefined;
	return { mobileNo, index };
}

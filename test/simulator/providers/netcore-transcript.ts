/**
 * Netcore transcript entries (specs/netcore-bot-open-api.txt): one builder per rich message type the spec lists,
 * each filling only its own key, as the API does. Types cycle in a fixed order so that any 24 consecutive
 * entries of a transcript hold every type at least once.
 */
import type { Random } from '../random';

type Json = Record<string, unknown>;

const CDN = 'https://cdn.example.com/netcore';
const PRODUCTS = [
	{ retailerId: 'SKU-1001', title: 'Running shoes', subTitle: 'Size 42', price: '2499', image: `${CDN}/shoes.jpg` },
	{ retailerId: 'SKU-1002', title: 'Water bottle', subTitle: '750 ml', price: '399', image: `${CDN}/bottle.jpg` },
	{ retailerId: 'SKU-1003', title: 'Yoga mat', subTitle: 'Blue', price: '1299', image: `${CDN}/mat.jpg` },
];
const QUESTIONS = ['What are your store hours?', 'Where is my order?', 'I want to change my address', 'Hi', 'Thanks!'];
const MENU = ['Track order', 'New order', 'Talk to an agent'];
const CITIES = [
	{ label: 'Head office', address: 'Lower Parel, Mumbai', latitude: '19.0008', longitude: '72.8300' },
	{ label: 'Warehouse', address: 'Bhiwandi, Thane', latitude: '19.2813', longitude: '73.0483' },
];

const sectionRows = (rows: string[], descriptionKey: string) =>
	rows.map((title, index) => ({ title, [descriptionKey]: `Option ${index + 1}` }));

/** The spec's rich types in a fixed cycle; `from` says who typically sends each one. */
export const TRANSCRIPT_TYPES: Array<{ type: string; from: 'User' | 'Bot'; build: (rng: Random) => Json | Json[] }> = [
	{ type: 'text', from: 'User', build: (rng) => ({ message: rng.pick(QUESTIONS), buttons: [], isRating: false }) },
	{ type: 'text', from: 'Bot', build: () => ({ message: 'How can I help you today?', buttons: MENU, isRating: false }) },
	{ type: 'attachment', from: 'User', build: (rng) => ({ contentType: 'application/pdf', contentUrl: `${CDN}/uploads/${rng.int(1000, 9999)}.pdf` }) },
	{
		type: 'card',
		from: 'Bot',
		build: () => ({ title: 'Summer sale', type: 'image', subtitle: 'Up to 40% off', image_url: { url: `${CDN}/sale.jpg` }, buttons: ['Shop now', 'Later'] }),
	},
	{ type: 'audio', from: 'User', build: (rng) => ({ url: `${CDN}/voice/${rng.int(1000, 9999)}.ogg` }) },
	{ type: 'video', from: 'Bot', build: () => ({ url: `${CDN}/how-to-return.mp4` }) },
	{ type: 'image', from: 'User', build: (rng) => ({ url: `${CDN}/photos/${rng.int(1000, 9999)}.jpg` }) },
	{ type: 'pdf', from: 'Bot', build: () => ({ url: `${CDN}/invoice.pdf` }) },
	{ type: 'location', from: 'User', build: (rng) => ({ ...rng.pick(CITIES) }) },
	{ type: 'doc', from: 'Bot', build: () => ({ url: `${CDN}/terms.docx` }) },
	{ type: 'xls', from: 'Bot', build: () => ({ url: `${CDN}/price-list.xlsx` }) },
	{ type: 'ppt', from: 'Bot', build: () => ({ url: `${CDN}/catalogue.pptx` }) },
	{
		type: 'contact',
		from: 'User',
		build: (rng) => ({ phoneNumber: `+9198${rng.int(10000000, 99999999)}`, firstName: 'Asha', lastName: 'Rao', vcard: 'BEGIN:VCARD\nFN:Asha Rao\nEND:VCARD' }),
	},
	{
		type: 'form',
		from: 'Bot',
		build: () => ({
			botId: 'bot-1',
			name: 'feedback',
			isArchived: false,
			title: 'Feedback',
			description: 'Tell us how we did',
			formElements: [
				{ type: 'textInput', label: 'Your name', required: true, inputMapping: 'name', answerMapping: null, textInput: { validation: 'none', placeholder: 'Name' } },
				{ type: 'dropdown', label: 'Rating', required: true, inputMapping: 'rating', answerMapping: null, dropdown: { items: ['1', '2', '3', '4', '5'] } },
			],
			createdBy: 'admin@example.com',
		}),
	},
	{
		type: 'carousel',
		from: 'Bot',
		build: () => PRODUCTS.map((product) => ({ title: product.title, subtitle: product.subTitle, image_url: product.image, buttons: ['Buy', 'Details'] })),
	},
	{
		type: 'list',
		from: 'Bot',
		build: () => ({
			header: { type: 'text', text: 'Main menu' },
			body: 'Choose what you need',
			footer: 'Reply any time',
			// The spec's list rows spell the description key with a leading space.
			actions: { button_text: 'Menu', sections: [{ title: 'Orders', row: sectionRows(MENU, ' description') }] },
		}),
	},
	{
		type: 'reply',
		from: 'Bot',
		build: () => ({
			header: { type: 'image', text: 'Your order', url: `${CDN}/order.jpg` },
			body: 'Is your delivery address still correct?',
			footer: 'Order #4411',
			action: { buttons: [{ type: 'reply', title: 'Yes', id: 'yes' }, { type: 'reply', title: 'No', id: 'no' }] },
		}),
	},
	{
		type: 'order',
		from: 'User',
		build: (rng) => ({
			catalogId: 'catalog-1',
			text: 'Please deliver before Friday',
			items: [{ ...rng.pick(PRODUCTS), quantity: String(rng.int(1, 3)), currency: 'INR' }],
		}),
	},
	{ type: 'formResponse', from: 'User', build: (rng) => ({ formTranscriptId: `form-${rng.int(100, 999)}`, answerMapping: null }) },
	{
		type: 'template',
		from: 'Bot',
		build: () => ({
			name: 'order_update',
			header: { type: 'TEXT', url: '', text: 'Order update', fileName: '', caption: '' },
			body: 'Your order has shipped.',
			footer: 'Thank you for shopping with us',
			buttons: [{ type: 'QUICK_REPLY', text: 'Track', phoneNumber: '', url: '', payload: 'track' }],
			campaignId: 'campaign-7',
		}),
	},
	{
		type: 'productSingle',
		from: 'Bot',
		build: (rng) => {
			const product = rng.pick(PRODUCTS);
			return { isDynamicProduct: false, body: 'You might like this', footer: 'Limited stock', action: { catalogId: 'catalog-1', ...product } };
		},
	},
	{
		type: 'productMulti',
		from: 'Bot',
		build: () => ({
			isDynamicProduct: false,
			header: { type: 'text', text: 'Our bestsellers' },
			body: 'Pick one or more',
			footer: 'Free delivery over 999',
			action: { catalogId: 'catalog-1', sections: [{ title: 'Sports', items: PRODUCTS }] },
		}),
	},
	{
		type: 'dynamicList',
		from: 'Bot',
		build: () => ({
			header: { type: 'text', text: 'Your recent orders' },
			body: 'Select an order',
			footer: 'Last 30 days',
			actions: { button_text: 'Orders', sections: [{ title: 'Orders', row: sectionRows(['#4411', '#4398'], 'description') }] },
		}),
	},
	{
		type: 'dynamicReply',
		from: 'Bot',
		build: () => ({
			header: { type: 'text', text: 'Delivery slot', url: '' },
			body: 'When should we deliver?',
			footer: 'Slots fill fast',
			actions: { buttons: [{ type: 'reply', title: 'Morning' }, { type: 'reply', title: 'Evening' }] },
		}),
	},
];

/** The distinct type names, in cycle order (24 entries, "text" appears twice: a question and a menu). */
export const TRANSCRIPT_TYPE_NAMES = [...new Set(TRANSCRIPT_TYPES.map(({ type }) => type))];

/** Entry number `index` of a transcript, created at `createdAtMs`. */
export function transcriptEntry(rng: Random, index: number, createdAtMs: number, isPreviewUser: boolean): Json {
	const { type, from, build } = TRANSCRIPT_TYPES[index % TRANSCRIPT_TYPES.length];
	const createdAt = new Date(createdAtMs).toISOString();
	return { from, type, [type]: build(rng), createdAt, updatedAt: createdAt, isPreviewUser };
}

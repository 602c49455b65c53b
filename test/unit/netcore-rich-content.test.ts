import { describeRichContent } from '../../nodes/NetcoreBot/richContent';

describe('Netcore location entries', () => {
	test('string coordinates as the spec writes them become a location', () => {
		expect(describeRichContent('location', { latitude: '19.07', longitude: '72.87', label: 'Office', address: 'Mumbai' })).toEqual({
			type: 'location',
			text: 'Office\nMumbai',
			location: { latitude: 19.07, longitude: 72.87, name: 'Office', address: 'Mumbai' },
		});
	});

	test.each([
		['empty strings', { latitude: '', longitude: '', label: 'Somewhere' }],
		['nulls', { latitude: null, longitude: null, label: 'Somewhere' }],
		['text that is no number', { latitude: 'n/a', longitude: '72.87', label: 'Somewhere' }],
		['one missing', { latitude: '19.07', label: 'Somewhere' }],
	])('%s are no location at 0,0 but a text message', (_name, content) => {
		expect(describeRichContent('location', content)).toEqual({ type: 'text', text: 'Somewhere' });
	});
});

import { describe, expect, it } from 'vitest';
import { describeMessage, formatFileSize, formatWaId, openStreetMapUrl } from './messageContent';
import { aMessage } from './testData';

describe('describeMessage: what customers send', () => {
  it('text', () => {
    expect(describeMessage(aMessage({ text: 'Habari', content: { body: 'Habari' } }))).toEqual({ kind: 'text', text: 'Habari' });
  });

  it('button and list replies show the chosen title and which kind it was', () => {
    const button = aMessage({ type: 'interactive', text: 'Yes', content: { type: 'button_reply', button_reply: { id: 'y', title: 'Yes please' } } });
    expect(describeMessage(button)).toEqual({ kind: 'reply', replyType: 'button', title: 'Yes please', description: '' });
    const list = aMessage({
      type: 'interactive',
      text: 'Shoes',
      content: { type: 'list_reply', list_reply: { id: 'r1', title: 'Shoes', description: 'All sizes' } },
    });
    expect(describeMessage(list)).toEqual({ kind: 'reply', replyType: 'list', title: 'Shoes', description: 'All sizes' });
    const templateButton = aMessage({ type: 'button', text: 'Track order', content: { text: 'Track order', payload: 'track' } });
    expect(describeMessage(templateButton)).toMatchObject({ kind: 'reply', replyType: 'template_button', title: 'Track order' });
  });

  it('media, with or without the downloaded file', () => {
    const media = { mime_type: 'audio/ogg', filename: 'voice.ogg', size: 2048, url: null };
    const voice = aMessage({ type: 'audio', text: '', content: { id: 'x', voice: true }, media });
    expect(describeMessage(voice)).toEqual({ kind: 'media', mediaType: 'audio', caption: '', media, isVoice: true });
    const photo = aMessage({ type: 'image', text: 'My receipt', content: { id: 'y', caption: 'My receipt' }, media: { ...media, url: '/x' } });
    expect(describeMessage(photo)).toMatchObject({ kind: 'media', mediaType: 'image', caption: 'My receipt', media: { url: '/x' } });
  });

  it('location links to OpenStreetMap', () => {
    const location = aMessage({ type: 'location', text: 'Duka', content: { latitude: -1.2921, longitude: 36.8219, name: 'Duka', address: 'Moi Avenue' } });
    expect(describeMessage(location)).toEqual({
      kind: 'location',
      latitude: -1.2921,
      longitude: 36.8219,
      name: 'Duka',
      address: 'Moi Avenue',
      mapUrl: 'https://www.openstreetmap.org/?mlat=-1.2921&mlon=36.8219#map=16/-1.2921/36.8219',
    });
    expect(openStreetMapUrl(1, 2)).toMatch(/^https:\/\/www\.openstreetmap\.org\/\?mlat=1&mlon=2/);
  });

  it('shared contacts list names and phones', () => {
    const contacts = aMessage({
      type: 'contacts',
      content: {
        items: [
          { name: { formatted_name: 'Baraka Otieno' }, phones: [{ phone: '+254 700 111 222', wa_id: '254700111222' }] },
          { name: { first_name: 'Amina', last_name: 'Njeri' }, phones: [{ wa_id: '254700333444' }] },
        ],
      },
    });
    expect(describeMessage(contacts)).toEqual({
      kind: 'contacts',
      contacts: [
        { name: 'Baraka Otieno', phones: ['+254 700 111 222'] },
        { name: 'Amina Njeri', phones: ['254700333444'] },
      ],
    });
  });

  it('reactions point at the message they react to', () => {
    expect(describeMessage(aMessage({ type: 'reaction', text: '👍', content: { message_id: 'wamid.5', emoji: '👍' } }))).toEqual({
      kind: 'reaction',
      emoji: '👍',
      targetWamid: 'wamid.5',
    });
  });

  it('unsupported messages say so, with the original type', () => {
    expect(describeMessage(aMessage({ type: 'unsupported', text: '', content: { original_type: 'poll' } }))).toEqual({
      kind: 'unsupported',
      originalType: 'poll',
    });
  });

  it('order and system messages', () => {
    expect(describeMessage(aMessage({ type: 'order', text: 'Please send', content: { product_items: [{}, {}] } }))).toEqual({
      kind: 'order',
      text: 'Please send',
      itemCount: 2,
    });
    expect(describeMessage(aMessage({ type: 'system', text: 'Number changed', content: {} }))).toEqual({ kind: 'system', text: 'Number changed' });
  });

  it('survives content that is not what it should be', () => {
    expect(describeMessage(aMessage({ type: 'location', text: 'somewhere', content: { latitude: 'north' } }))).toEqual({ kind: 'text', text: 'somewhere' });
    expect(describeMessage(aMessage({ type: 'contacts', content: { items: 'nope' } }))).toEqual({ kind: 'contacts', contacts: [] });
    expect(describeMessage(aMessage({ type: 'something_new', text: '' }))).toEqual({ kind: 'unsupported', originalType: 'something_new' });
  });
});

describe('describeMessage: what the business sends', () => {
  const outbound = { direction: 'outbound' as const, status: 'sent' as const };

  it('a template shows its rendered body and name', () => {
    const template = aMessage({
      ...outbound,
      type: 'template',
      text: 'Hi Baraka, your order A2048 is on its way.',
      content: { type: 'template', template: { name: 'order_update', language: { code: 'en_US' } } },
    });
    expect(describeMessage(template)).toEqual({ kind: 'template', text: 'Hi Baraka, your order A2048 is on its way.', name: 'order_update' });
  });

  it('reply buttons and lists', () => {
    const buttons = aMessage({
      ...outbound,
      type: 'buttons',
      text: 'Pick one',
      content: {
        type: 'interactive',
        interactive: { type: 'button', body: { text: 'Pick one' }, footer: { text: 'Duka' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'Yes' } }] } },
      },
    });
    expect(describeMessage(buttons)).toEqual({ kind: 'buttons', text: 'Pick one', buttons: ['Yes'], footer: 'Duka' });
    const list = aMessage({
      ...outbound,
      type: 'list',
      text: 'Menu',
      content: {
        type: 'interactive',
        interactive: { type: 'list', body: { text: 'Menu' }, action: { button: 'See options', sections: [{ rows: [{ id: '1', title: 'Unga' }, { id: '2', title: 'Sukari' }] }] } },
      },
    });
    expect(describeMessage(list)).toEqual({ kind: 'list', text: 'Menu', button: 'See options', rows: ['Unga', 'Sukari'], footer: '' });
  });

  it('a reaction reads the wire object', () => {
    const reaction = aMessage({ ...outbound, type: 'reaction', text: '❤️', content: { type: 'reaction', reaction: { message_id: 'wamid.1', emoji: '❤️' } } });
    expect(describeMessage(reaction)).toEqual({ kind: 'reaction', emoji: '❤️', targetWamid: 'wamid.1' });
  });

  it('notes are notes whatever their type', () => {
    expect(describeMessage(aMessage({ direction: 'note', type: 'note', text: 'Call back' }))).toEqual({ kind: 'note', text: 'Call back' });
  });
});

describe('formatting', () => {
  it('file sizes', () => {
    expect(formatFileSize(512, 'en')).toBe('512 byte');
    expect(formatFileSize(2048, 'en')).toBe('2 kB');
    expect(formatFileSize(1_572_864, 'en')).toBe('1.5 MB');
    expect(formatFileSize(null, 'en')).toBe('');
  });

  it('WhatsApp ids', () => {
    expect(formatWaId('254712000101')).toBe('+254712000101');
    expect(formatWaId('someone')).toBe('someone');
  });
});

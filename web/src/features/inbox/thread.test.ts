import { describe, expect, it } from 'vitest';
import { aMessage } from './testData';
import { buildThread, snippetOf } from './thread';

describe('buildThread', () => {
  const hello = aMessage({ id: 'm1', wamid: 'wamid.1', text: 'Hello' });
  const reply = aMessage({ id: 'm2', wamid: 'wamid.2', direction: 'outbound', status: 'read', text: 'Karibu!' });

  it('puts reactions on the bubble they react to, the latest from each side', () => {
    const thread = buildThread([
      hello,
      reply,
      aMessage({ id: 'r1', wamid: 'wamid.3', type: 'reaction', text: '👍', content: { message_id: 'wamid.2', emoji: '👍' } }),
      aMessage({ id: 'r2', wamid: 'wamid.4', type: 'reaction', text: '❤️', content: { message_id: 'wamid.2', emoji: '❤️' } }),
      aMessage({
        id: 'r3',
        wamid: null,
        direction: 'outbound',
        type: 'reaction',
        text: '🙏',
        content: { type: 'reaction', reaction: { message_id: 'wamid.1', emoji: '🙏' } },
      }),
    ]);
    expect(thread.map((item) => item.message.id)).toEqual(['m1', 'm2']);
    expect(thread[0]!.reactions).toEqual([{ emoji: '🙏', fromCustomer: false }]);
    expect(thread[1]!.reactions).toEqual([{ emoji: '❤️', fromCustomer: true }]);
  });

  it('a removed reaction (empty emoji) takes the badge away', () => {
    const thread = buildThread([
      reply,
      aMessage({ id: 'r1', wamid: 'wamid.3', type: 'reaction', text: '👍', content: { message_id: 'wamid.2', emoji: '👍' } }),
      aMessage({ id: 'r2', wamid: 'wamid.4', type: 'reaction', text: '', content: { message_id: 'wamid.2', emoji: '' } }),
    ]);
    expect(thread.map((item) => item.message.id)).toEqual(['m2']);
    expect(thread[0]!.reactions).toEqual([]);
  });

  it('keeps a reaction to a message that is not loaded as its own bubble', () => {
    const thread = buildThread([aMessage({ id: 'r1', type: 'reaction', text: '👍', content: { message_id: 'wamid.old', emoji: '👍' } })]);
    expect(thread).toHaveLength(1);
    expect(thread[0]!.view.kind).toBe('reaction');
  });

  it('finds the quoted message of a reply', () => {
    const quoting = aMessage({ id: 'm3', wamid: 'wamid.5', context_wamid: 'wamid.2', text: 'Asante' });
    const orphan = aMessage({ id: 'm4', wamid: 'wamid.6', context_wamid: 'wamid.gone', text: 'Hm' });
    const thread = buildThread([hello, reply, quoting, orphan]);
    expect(thread[2]!.quoted?.id).toBe('m2');
    expect(thread[3]!.quoted).toBeNull();
    expect(thread[0]!.quoted).toBeUndefined();
  });

  it('summarises a message for a quote', () => {
    expect(snippetOf({ kind: 'location', latitude: 0, longitude: 0, name: '', address: 'Moi Avenue', mapUrl: '' })).toBe('Moi Avenue');
    expect(snippetOf({ kind: 'reply', replyType: 'button', title: 'Yes', description: '' })).toBe('Yes');
  });
});

import type { MessageRead } from '@/api';
import { describeMessage, type MessageView } from './messageContent';

export type Reaction = { emoji: string; fromCustomer: boolean };

export type ThreadMessage = {
  message: MessageRead;
  view: MessageView;
  /** Emoji reactions shown on this bubble (the latest from each side). */
  reactions: Reaction[];
  /** The message this one quotes, when it is loaded; undefined when it quotes nothing. */
  quoted?: MessageRead | null;
};

/**
 * Turns the loaded messages (oldest first) into what the conversation shows: reactions move onto
 * the bubble they react to (as in WhatsApp) unless that bubble is not loaded, and quoted replies
 * find the message they quote.
 */
export function buildThread(messages: readonly MessageRead[]): ThreadMessage[] {
  const byWamid = new Map<string, MessageRead>();
  for (const message of messages) if (message.wamid) byWamid.set(message.wamid, message);

  const reactions = new Map<string, Map<boolean, string>>();
  const absorbed = new Set<string>();
  const views = new Map<string, MessageView>();
  for (const message of messages) {
    const view = describeMessage(message);
    views.set(message.id, view);
    if (view.kind !== 'reaction' || !view.targetWamid || !byWamid.has(view.targetWamid)) continue;
    absorbed.add(message.id);
    const bySide = reactions.get(view.targetWamid) ?? new Map<boolean, string>();
    bySide.set(message.direction === 'inbound', view.emoji);
    reactions.set(view.targetWamid, bySide);
  }

  return messages
    .filter((message) => !absorbed.has(message.id))
    .map((message) => {
      const bySide = message.wamid ? reactions.get(message.wamid) : undefined;
      const item: ThreadMessage = {
        message,
        view: views.get(message.id)!,
        reactions: bySide ? [...bySide].filter(([, emoji]) => emoji).map(([fromCustomer, emoji]) => ({ emoji, fromCustomer })) : [],
      };
      if (message.context_wamid) item.quoted = byWamid.get(message.context_wamid) ?? null;
      return item;
    });
}

/** A one-line summary of a message, for quotes. */
export function snippetOf(view: MessageView): string {
  switch (view.kind) {
    case 'text':
    case 'note':
    case 'system':
    case 'template':
    case 'buttons':
    case 'list':
    case 'order':
      return view.text;
    case 'reply':
      return view.title;
    case 'media':
      return view.caption;
    case 'location':
      return view.name || view.address;
    case 'contacts':
      return view.contacts.map((contact) => contact.name).join(', ');
    case 'reaction':
      return view.emoji;
    case 'unsupported':
      return '';
  }
}

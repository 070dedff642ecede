import type { MessageRead } from '@/api';

/** What the little mark under an outbound bubble shows. */
export type TickState = 'none' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

export function tickState(message: Pick<MessageRead, 'direction' | 'status'>): TickState {
  if (message.direction !== 'outbound') return 'none';
  switch (message.status) {
    case 'queued':
      return 'queued';
    case 'sent':
      return 'sent';
    case 'delivered':
      return 'delivered';
    case 'read':
    case 'played':
      return 'read';
    case 'failed':
      return 'failed';
    default:
      return 'none';
  }
}

export type DeliveryStep = { state: 'sent' | 'delivered' | 'read'; at: string };

/** The times each step was reached, for the tooltip under the ticks. */
export function deliverySteps(message: Pick<MessageRead, 'sent_at' | 'delivered_at' | 'read_at'>): DeliveryStep[] {
  const steps: DeliveryStep[] = [];
  if (message.sent_at) steps.push({ state: 'sent', at: message.sent_at });
  if (message.delivered_at) steps.push({ state: 'delivered', at: message.delivered_at });
  if (message.read_at) steps.push({ state: 'read', at: message.read_at });
  return steps;
}

import { describe, expect, it } from 'vitest';
import type { DeliveryStatus, Direction } from '@/api';
import { deliverySteps, tickState, type TickState } from './messageStatus';

describe('tickState', () => {
  it.each<[DeliveryStatus, TickState]>([
    ['queued', 'queued'],
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'read'],
    ['played', 'read'],
    ['failed', 'failed'],
    ['received', 'none'],
  ])('an outbound message %s shows %s', (status, expected) => {
    expect(tickState({ direction: 'outbound', status })).toBe(expected);
  });

  it.each<Direction>(['inbound', 'note'])('%s messages have no ticks', (direction) => {
    expect(tickState({ direction, status: 'read' })).toBe('none');
    expect(tickState({ direction, status: 'received' })).toBe('none');
  });
});

describe('deliverySteps', () => {
  it('lists the steps reached, in order', () => {
    expect(deliverySteps({ sent_at: 's', delivered_at: 'd', read_at: null })).toEqual([
      { state: 'sent', at: 's' },
      { state: 'delivered', at: 'd' },
    ]);
    expect(deliverySteps({ sent_at: null, delivered_at: null, read_at: null })).toEqual([]);
  });
});

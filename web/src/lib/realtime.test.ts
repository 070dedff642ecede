import { describe, expect, it, vi } from 'vitest';
import { connectEventStream, parseEventData, type StreamStatus } from './realtime';

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 2;

class FakeEventSource {
  readyState = CONNECTING;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  isClosed = false;
  private listeners = new Map<string, ((event: Event) => void)[]>();

  constructor(readonly url: string) {}

  addEventListener(name: string, listener: (event: Event) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }

  close() {
    this.isClosed = true;
    this.readyState = CLOSED;
  }

  open() {
    this.readyState = OPEN;
    this.onopen?.(new Event('open'));
  }

  emit(name: string, data: string) {
    for (const listener of this.listeners.get(name) ?? []) listener({ data } as MessageEvent as Event);
  }

  /** The connection dropped; the browser will retry by itself. */
  drop() {
    this.readyState = CONNECTING;
    this.onerror?.(new Event('error'));
  }

  /** The server answered with an error (401, 502): the browser gives up. */
  fail() {
    this.readyState = CLOSED;
    this.onerror?.(new Event('error'));
  }
}

function setup(handlers: Record<string, (data: unknown) => void> = {}) {
  const sources: FakeEventSource[] = [];
  const timers: { callback: () => void; ms: number; cleared: boolean }[] = [];
  const statuses: StreamStatus[] = [];
  const onReconnected = vi.fn();
  const stop = connectEventStream({
    url: '/api/v1/inbox/events',
    handlers,
    onStatusChange: (status) => statuses.push(status),
    onReconnected,
    retryDelaysMs: [1_000, 5_000],
    createEventSource: (url) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source as unknown as EventSource;
    },
    setTimer: (callback, ms) => {
      const timer = { callback, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      (timer as { cleared: boolean }).cleared = true;
    },
  });
  const fireTimers = () => {
    for (const timer of timers.splice(0)) if (!timer.cleared) timer.callback();
  };
  return { sources, timers, statuses, onReconnected, stop, fireTimers, latest: () => sources[sources.length - 1]! };
}

describe('connectEventStream', () => {
  it('parses each event and hands it to its handler', () => {
    const created = vi.fn();
    const { latest } = setup({ 'message.created': created });
    latest().open();
    latest().emit('message.created', '{"message":{"id":"m1"}}');
    latest().emit('message.created', 'not json');
    expect(created).toHaveBeenCalledTimes(1);
    expect(created).toHaveBeenCalledWith({ message: { id: 'm1' } });
  });

  it('reports connecting, open, reconnecting, open; reloads once after an interruption', () => {
    const { latest, statuses, onReconnected, sources } = setup();
    latest().open();
    expect(onReconnected).not.toHaveBeenCalled();
    latest().drop();
    expect(statuses).toEqual(['connecting', 'open', 'reconnecting']);
    latest().open(); // the browser's own retry
    expect(statuses).toEqual(['connecting', 'open', 'reconnecting', 'open']);
    expect(onReconnected).toHaveBeenCalledTimes(1);
    expect(sources).toHaveLength(1);
  });

  it('opens a new EventSource, backing off, when the browser gives up', () => {
    const { latest, sources, timers, fireTimers, onReconnected, statuses } = setup();
    latest().open();
    latest().fail();
    expect(sources[0]!.isClosed).toBe(true);
    expect(timers.map((timer) => timer.ms)).toEqual([1_000]);
    fireTimers();
    expect(sources).toHaveLength(2);
    latest().fail();
    expect(timers.map((timer) => timer.ms)).toEqual([5_000]);
    fireTimers();
    latest().fail();
    expect(timers.map((timer) => timer.ms)).toEqual([5_000]); // the last delay repeats
    fireTimers();
    latest().open();
    expect(onReconnected).toHaveBeenCalledTimes(1);
    expect(statuses[statuses.length - 1]).toBe('open');
    latest().fail();
    expect(timers.map((timer) => timer.ms)).toEqual([1_000]); // a success resets the back-off
  });

  it('stops for good when closed, even with a retry pending', () => {
    const { latest, stop, timers, sources, fireTimers } = setup();
    latest().fail();
    stop();
    expect(timers[0]!.cleared).toBe(true);
    fireTimers();
    expect(sources).toHaveLength(1);
  });

  it('ignores events from a source it already replaced', () => {
    const created = vi.fn();
    const { sources, fireTimers, statuses } = setup({ 'message.created': created });
    sources[0]!.fail();
    fireTimers();
    sources[0]!.open();
    expect(statuses).toEqual(['connecting', 'reconnecting']);
  });
});

describe('parseEventData', () => {
  it('parses JSON and refuses the rest', () => {
    expect(parseEventData('{"a":1}')).toEqual({ a: 1 });
    expect(parseEventData('{')).toBeUndefined();
    expect(parseEventData(undefined)).toBeUndefined();
  });
});

import { useEffect, useRef, useState } from 'react';

/**
 * Server-sent events with reconnection and a status the UI can show.
 *
 * The browser's EventSource reconnects by itself after a dropped connection (the server sends
 * `retry: 3000`), but gives up for good when an answer is not a 200 event stream (a restart
 * behind a proxy answering 502, an expired session answering 401). Then this module opens a
 * new one, backing off. After any interruption `onReconnected` runs once the stream is back,
 * so the caller can reload what it may have missed; events themselves are applied in place,
 * never by refetching.
 */

export type StreamStatus = 'connecting' | 'open' | 'reconnecting';

export type StreamHandlers = Record<string, (data: unknown) => void>;

type EventSourceLike = Pick<EventSource, 'readyState' | 'close' | 'addEventListener'> & {
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
};

export type EventStreamOptions = {
  url: string;
  /** Handlers by SSE event name; `data` is the parsed JSON (malformed data is dropped). */
  handlers: StreamHandlers;
  onStatusChange?: (status: StreamStatus) => void;
  onReconnected?: () => void;
  /** Delays before opening a new EventSource after the browser gave up; the last one repeats. */
  retryDelaysMs?: readonly number[];
  createEventSource?: (url: string) => EventSourceLike;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
};

const CLOSED = 2;
const DEFAULT_RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

export function parseEventData(raw: unknown): unknown {
  if (typeof raw !== 'string') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Opens the stream; returns a function that closes it for good. */
export function connectEventStream(options: EventStreamOptions): () => void {
  const {
    url,
    handlers,
    onStatusChange,
    onReconnected,
    retryDelaysMs = DEFAULT_RETRY_DELAYS_MS,
    createEventSource = (target) => new EventSource(target, { withCredentials: true }),
    setTimer = (callback, ms) => setTimeout(callback, ms),
    clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  } = options;

  let source: EventSourceLike | null = null;
  let retryTimer: unknown = null;
  let failures = 0;
  let wasInterrupted = false;
  let isStopped = false;
  let status: StreamStatus | null = null;

  const setStatus = (next: StreamStatus) => {
    if (next === status) return;
    status = next;
    onStatusChange?.(next);
  };

  const open = () => {
    retryTimer = null;
    const current = createEventSource(url);
    source = current;
    for (const [name, handle] of Object.entries(handlers)) {
      current.addEventListener(name, (event) => {
        const data = parseEventData((event as MessageEvent).data);
        if (data !== undefined) handle(data);
      });
    }
    current.onopen = () => {
      if (isStopped || source !== current) return;
      failures = 0;
      setStatus('open');
      if (wasInterrupted) {
        wasInterrupted = false;
        onReconnected?.();
      }
    };
    current.onerror = () => {
      if (isStopped || source !== current) return;
      wasInterrupted = true;
      setStatus('reconnecting');
      if (current.readyState !== CLOSED) return; // the browser retries by itself
      current.close();
      const delay = retryDelaysMs[Math.min(failures, retryDelaysMs.length - 1)] ?? 30_000;
      failures += 1;
      retryTimer = setTimer(open, delay);
    };
  };

  setStatus('connecting');
  open();

  return () => {
    isStopped = true;
    if (retryTimer !== null) clearTimer(retryTimer);
    source?.close();
    source = null;
  };
}

/** The stream for as long as the component is mounted; handlers may change without reconnecting. */
export function useEventStream(
  url: string,
  handlers: StreamHandlers,
  options: { enabled?: boolean; onReconnected?: () => void } = {},
): StreamStatus {
  const { enabled = true } = options;
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const handlersRef = useRef(handlers);
  const onReconnectedRef = useRef(options.onReconnected);
  useEffect(() => {
    handlersRef.current = handlers;
    onReconnectedRef.current = options.onReconnected;
  });

  const eventNames = Object.keys(handlers).sort().join(',');
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const stableHandlers: StreamHandlers = {};
    for (const name of eventNames.split(',').filter(Boolean)) {
      stableHandlers[name] = (data) => handlersRef.current[name]?.(data);
    }
    return connectEventStream({
      url,
      handlers: stableHandlers,
      onStatusChange: setStatus,
      onReconnected: () => onReconnectedRef.current?.(),
    });
  }, [url, enabled, eventNames]);

  return status;
}

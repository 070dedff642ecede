import type { AiRoutingRead, AiRoutingUpdate, Task } from '@/api';
import { LOCAL_PROVIDER } from './kinds';

export type MoveDirection = 'up' | 'down';

/** A copy of the list with the item at `index` swapped one place up or down; out of range gives the same order. */
export function moveItem<TItem>(items: readonly TItem[], index: number, direction: MoveDirection): TItem[] {
  const target = direction === 'up' ? index - 1 : index + 1;
  const next = [...items];
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return next;
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** The providers an admin can order for a task: everything but the offline provider, which is always last. */
export function orderableProviders(routing: AiRoutingRead, task: Task): string[] {
  return (routing.routing[task] ?? []).filter((name) => name !== LOCAL_PROVIDER);
}

export function isCustomised(routing: AiRoutingRead, task: Task): boolean {
  return routing.custom_routing[task] !== undefined;
}

/** The whole custom routing with one task's order replaced (PUT replaces every task's order at once). */
export function routingWithOrder(routing: AiRoutingRead, task: Task, order: readonly string[]): AiRoutingUpdate {
  return { routing: { ...routing.custom_routing, [task]: order.filter((name) => name !== LOCAL_PROVIDER) } };
}

/** The custom routing without a task, so that task goes back to the default order. */
export function routingWithDefault(routing: AiRoutingRead, task: Task): AiRoutingUpdate {
  const custom = { ...routing.custom_routing };
  delete custom[task];
  return { routing: custom };
}

/**
 * The routing as it will read once an update is saved, for an optimistic update: a task's order
 * is what was sent plus the offline provider; a task sent back to default keeps its current order
 * until the server answers.
 */
export function applyRoutingUpdate(current: AiRoutingRead, update: AiRoutingUpdate): AiRoutingRead {
  const next: AiRoutingRead = { ...current };
  if (update.routing) {
    next.custom_routing = { ...update.routing };
    next.routing = { ...current.routing };
    for (const [task, order] of Object.entries(update.routing) as [Task, string[]][]) {
      next.routing[task] = [...order.filter((name) => name !== LOCAL_PROVIDER), LOCAL_PROVIDER];
    }
  }
  if (update.intent_examples) next.intent_examples = { ...update.intent_examples };
  return next;
}

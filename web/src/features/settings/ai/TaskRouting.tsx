import { ArrowDown, ArrowUp, RotateCcw, TriangleAlert } from 'lucide-react';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '@/api';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { cn } from '@/lib/classNames';
import { useErrorFeedback } from '@/lib/feedback';
import { type AiProvider, type AiRouting, useUpdateAiRouting } from './api';
import { localCanDo } from './kinds';
import { providerLabel } from './providerLabel';
import { isCustomised, moveItem, type MoveDirection, orderableProviders, routingWithDefault, routingWithOrder } from './routing';

type TaskRoutingProps = { task: Task; routing: AiRouting; providers: readonly AiProvider[]; canManage: boolean };

/** One task's provider order: the cloud providers (movable), then the offline provider, always last. */
export function TaskRouting({ task, routing, providers, canManage }: TaskRoutingProps) {
  const { t } = useTranslation();
  const taskName = t(`aiSettings.tasks.${task}`);
  const order = orderableProviders(routing, task);
  const updateRouting = useUpdateAiRouting();
  const { showError } = useErrorFeedback();
  const offlineCan = localCanDo(task);

  const sectionRef = useRef<HTMLElement>(null);
  const pendingFocus = useRef<{ name: string; direction: MoveDirection } | null>(null);
  const orderKey = order.join(',');

  // Keep the keyboard on the provider that moved: React may have re-inserted its row, and at an end
  // its button for that direction is now disabled, so the other one takes the focus.
  useLayoutEffect(() => {
    const wanted = pendingFocus.current;
    if (!wanted) return;
    pendingFocus.current = null;
    const buttons = Array.from(sectionRef.current?.querySelectorAll<HTMLButtonElement>('[data-move-for]') ?? []).filter(
      (button) => button.dataset.moveFor === wanted.name && !button.disabled,
    );
    (buttons.find((button) => button.dataset.direction === wanted.direction) ?? buttons[0])?.focus();
  }, [orderKey]);

  function move(index: number, direction: MoveDirection) {
    const name = order[index];
    if (name === undefined) return;
    const next = moveItem(order, index, direction);
    updateRouting.mutate(routingWithOrder(routing, task, next), {
      onSuccess: () => toast.success(t('aiSettings.routing.saved', { task: taskName })),
      onError: showError,
    });
    pendingFocus.current = { name, direction };
  }

  function reset() {
    updateRouting.mutate(routingWithDefault(routing, task), {
      onSuccess: () => toast.success(t('aiSettings.routing.reset', { task: taskName })),
      onError: showError,
    });
  }

  return (
    <section ref={sectionRef} className="grid content-start gap-3 rounded-lg border border-zinc-200 p-4" aria-label={taskName} data-testid="task-routing" data-task={task}>
      <header>
        <div className="grid min-w-0 gap-0.5">
          <h3 className="flex flex-wrap items-center gap-2 text-sm font-semibold text-zinc-900">
            {taskName}
            {isCustomised(routing, task) ? <Badge tone="accent">{t('aiSettings.routing.custom')}</Badge> : null}
          </h3>
          <p className="text-xs text-zinc-600">{t(`aiSettings.taskHints.${task}`)}</p>
        </div>
      </header>
      <ol className="grid gap-1.5" aria-label={t('aiSettings.routing.orderFor', { task: taskName })}>
        {order.map((name, index) => (
          <li key={name} className="flex items-center gap-2 rounded-md border border-zinc-200 bg-white px-2 py-1.5" data-testid="route-step" data-provider={name}>
            <Position value={index + 1} />
            <span className="min-w-0 flex-1 truncate text-sm font-medium text-zinc-900">{providerLabel(t, name)}</span>
            {task === 'embedding' && !embeds(providers, name) ? (
              <span className="shrink-0 text-xs text-zinc-500">{t('aiSettings.routing.noEmbeddingModel')}</span>
            ) : null}
            {canManage && order.length > 1 ? (
              <span className="flex shrink-0 gap-1">
                <MoveButton direction="up" provider={name} task={taskName} disabled={index === 0} onClick={() => move(index, 'up')} />
                <MoveButton direction="down" provider={name} task={taskName} disabled={index === order.length - 1} onClick={() => move(index, 'down')} />
              </span>
            ) : null}
          </li>
        ))}
        <li
          className={cn('flex items-center gap-2 rounded-md border border-dashed px-2 py-1.5', offlineCan ? 'border-zinc-300 bg-zinc-50' : 'border-zinc-200 bg-zinc-50 text-zinc-500')}
          data-testid="route-step"
          data-provider="local"
        >
          <Position value={order.length + 1} muted={!offlineCan} />
          <span className={cn('min-w-0 flex-1 truncate text-sm', offlineCan ? 'font-medium text-zinc-900' : 'text-zinc-500 line-through')}>
            {t('aiSettings.kinds.local')}
          </span>
          <span className="shrink-0 text-xs text-zinc-500">{offlineCan ? t('aiSettings.routing.lastResort') : t('aiSettings.routing.offlineCannot')}</span>
        </li>
      </ol>
      {canManage && isCustomised(routing, task) ? (
        <Button variant="ghost" size="sm" className="justify-self-end" onClick={reset} disabled={updateRouting.isPending}>
          <RotateCcw aria-hidden />
          {t('aiSettings.routing.useDefault')}
        </Button>
      ) : null}
      {!offlineCan && order.length === 0 ? (
        <p className="flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900" role="note">
          <TriangleAlert className="mt-0.5 size-3.5 shrink-0" aria-hidden />
          {t(`aiSettings.routing.unavailable.${cloudOnly(task)}`)}
        </p>
      ) : null}
    </section>
  );
}

/** A provider without an embedding model (Anthropic never has one) is skipped for embeddings. */
function embeds(providers: readonly AiProvider[], name: string): boolean {
  return providers.some((provider) => provider.kind === name && provider.embedding_model !== null);
}

/** The tasks only a cloud provider can do, named for their "unavailable" message. */
function cloudOnly(task: Task): 'translation' | 'generation' | 'agent' {
  return task === 'translation' || task === 'agent' ? task : 'generation';
}

function Position({ value, muted = false }: { value: number; muted?: boolean }) {
  return (
    <span
      className={cn(
        'flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold tabular-nums',
        muted ? 'bg-zinc-100 text-zinc-400' : 'bg-emerald-50 text-emerald-800',
      )}
      aria-hidden
    >
      {value}
    </span>
  );
}

type MoveButtonProps = { direction: MoveDirection; provider: string; task: string; disabled: boolean; onClick: () => void };

function MoveButton({ direction, provider, task, disabled, onClick }: MoveButtonProps) {
  const { t } = useTranslation();
  const name = providerLabel(t, provider);
  const Icon = direction === 'up' ? ArrowUp : ArrowDown;
  const label = direction === 'up' ? t('aiSettings.routing.moveUp', { name, task }) : t('aiSettings.routing.moveDown', { name, task });
  return (
    <Button
      variant="ghost"
      size="icon"
      className="size-7"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      data-move-for={provider}
      data-direction={direction}
    >
      <Icon aria-hidden />
    </Button>
  );
}

import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import { useErrorFeedback } from '@/lib/feedback';
import { type Member, useUpdateMember } from './api';

const MIN_CHAT_LIMIT = 1;
const MAX_CHAT_LIMIT = 100;

function parseChatLimit(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return value >= MIN_CHAT_LIMIT && value <= MAX_CHAT_LIMIT ? value : null;
}

/** Saves when the field loses focus or on Enter, reverting to the saved value when the input is not a whole number. */
export function ChatLimitInput({ member }: { member: Member }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(String(member.max_concurrent_chats));
  const updateMember = useUpdateMember();
  const { showError } = useErrorFeedback();

  function save() {
    const limit = parseChatLimit(draft);
    if (limit === null) {
      toast.error(t('members.chatLimitInvalid', { min: MIN_CHAT_LIMIT, max: MAX_CHAT_LIMIT }));
      setDraft(String(member.max_concurrent_chats));
      return;
    }
    if (limit === member.max_concurrent_chats) return;
    updateMember.mutate(
      { memberId: member.id, changes: { max_concurrent_chats: limit } },
      {
        onSuccess: (updated) => toast.success(t('members.chatLimitChanged', { name: updated.name, count: updated.max_concurrent_chats })),
        onError: (error) => {
          setDraft(String(member.max_concurrent_chats));
          showError(error);
        },
      },
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save();
  }

  return (
    <form onSubmit={onSubmit}>
      <Input
        type="number"
        inputMode="numeric"
        min={MIN_CHAT_LIMIT}
        max={MAX_CHAT_LIMIT}
        className="h-8 w-20"
        aria-label={t('members.chatLimitFor', { name: member.name })}
        value={draft}
        disabled={updateMember.isPending}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={save}
      />
    </form>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox } from '@/components/ui/checkbox';
import { Spinner } from '@/components/ui/spinner';
import type { Member } from '../members/api';

type MemberPickerProps = {
  members: Member[];
  isLoading: boolean;
  selectedIds: string[];
  onChange: (selectedIds: string[]) => void;
  error?: string;
};

export function MemberPicker({ members, isLoading, selectedIds, onChange, error }: MemberPickerProps) {
  const { t } = useTranslation();
  const groupId = useId();
  const selected = new Set(selectedIds);

  function toggle(memberId: string, isChecked: boolean) {
    onChange(isChecked ? [...selectedIds, memberId] : selectedIds.filter((id) => id !== memberId));
  }

  return (
    <fieldset className="grid gap-1.5" aria-describedby={error ? `${groupId}-error` : undefined}>
      <legend className="mb-1.5 text-sm font-medium text-zinc-800">
        {t('fields.teamMembers')} <span className="font-normal text-zinc-500">({t('teams.selectedCount', { count: selectedIds.length })})</span>
      </legend>
      <div className="max-h-56 overflow-y-auto rounded-md border border-zinc-200">
        {isLoading ? (
          <div className="flex justify-center p-4">
            <Spinner label={t('common.loading')} />
          </div>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {members.map((member) => {
              const checkboxId = `${groupId}-${member.id}`;
              return (
                <li key={member.id} className="flex items-center gap-3 px-3 py-2">
                  <Checkbox
                    id={checkboxId}
                    checked={selected.has(member.id)}
                    onCheckedChange={(checked) => toggle(member.id, checked === true)}
                  />
                  <label htmlFor={checkboxId} className="grid min-w-0 flex-1 cursor-pointer">
                    <span className="truncate text-sm font-medium text-zinc-900">{member.name}</span>
                    <span className="truncate text-xs text-zinc-500">{member.email}</span>
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {error ? (
        <p id={`${groupId}-error`} className="text-xs font-medium text-red-600" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

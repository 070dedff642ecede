import { X } from 'lucide-react';
import { type KeyboardEvent, useState } from 'react';
import { cn } from '@/lib/classNames';

type TagInputProps = {
  id?: string;
  value: string[];
  onChange: (tags: string[]) => void;
  placeholder?: string;
  removeLabel: (tag: string) => string;
  /** Applied to a typed tag before it is added (e.g. trim and lower-case); empty results are dropped. */
  normalize?: (tag: string) => string;
  maxLength?: number;
  disabled?: boolean;
  className?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
};

/** Chips plus a text box: Enter or a comma adds a tag, Backspace in the empty box removes the last. */
export function TagInput({
  id,
  value,
  onChange,
  placeholder,
  removeLabel,
  normalize = (tag) => tag.trim(),
  maxLength = 60,
  disabled,
  className,
  ...aria
}: TagInputProps) {
  const [draft, setDraft] = useState('');

  function add(raw: string) {
    const tag = normalize(raw);
    setDraft('');
    if (tag && !value.includes(tag)) onChange([...value, tag]);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      if (draft.trim()) add(draft);
    } else if (event.key === 'Backspace' && !draft && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  return (
    <div
      className={cn(
        'flex min-h-9 w-full flex-wrap items-center gap-1 rounded-md border border-zinc-300 bg-white px-1.5 py-1 shadow-xs focus-within:border-emerald-600 focus-within:ring-2 focus-within:ring-emerald-600/30',
        disabled && 'bg-zinc-50',
        className,
      )}
    >
      {value.map((tag) => (
        <span key={tag} className="inline-flex items-center gap-0.5 rounded bg-zinc-100 py-0.5 pl-1.5 pr-0.5 text-xs font-medium text-zinc-700">
          {tag}
          {disabled ? null : (
            <button
              type="button"
              className="rounded p-0.5 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900"
              aria-label={removeLabel(tag)}
              onClick={() => onChange(value.filter((item) => item !== tag))}
            >
              <X className="size-3" aria-hidden />
            </button>
          )}
        </span>
      ))}
      <input
        id={id}
        value={draft}
        disabled={disabled}
        maxLength={maxLength}
        placeholder={value.length === 0 ? placeholder : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (draft.trim()) add(draft);
        }}
        className="h-6 min-w-20 flex-1 bg-transparent px-1 text-base text-zinc-900 placeholder:text-zinc-400 focus:outline-none sm:text-sm"
        {...aria}
      />
    </div>
  );
}

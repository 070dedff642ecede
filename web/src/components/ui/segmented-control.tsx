import { ToggleGroup } from 'radix-ui';
import { cn } from '@/lib/classNames';

type SegmentedControlProps<TValue extends string> = {
  value: TValue;
  onChange: (value: TValue) => void;
  options: readonly { value: TValue; label: string }[];
  label: string;
  className?: string;
};

/** One choice out of a few, shown side by side (a radio group for assistive technology). */
export function SegmentedControl<TValue extends string>({ value, onChange, options, label, className }: SegmentedControlProps<TValue>) {
  return (
    <ToggleGroup.Root
      type="single"
      value={value}
      onValueChange={(next) => {
        if (next) onChange(next as TValue);
      }}
      aria-label={label}
      className={cn('inline-flex rounded-md bg-zinc-100 p-0.5', className)}
    >
      {options.map((option) => (
        <ToggleGroup.Item
          key={option.value}
          value={option.value}
          className="flex-1 rounded px-2.5 py-1 text-xs font-medium text-zinc-600 transition-colors hover:text-zinc-900 data-[state=on]:bg-white data-[state=on]:text-zinc-900 data-[state=on]:shadow-xs"
        >
          {option.label}
        </ToggleGroup.Item>
      ))}
    </ToggleGroup.Root>
  );
}

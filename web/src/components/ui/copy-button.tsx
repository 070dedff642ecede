import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { Button } from './button';

type CopyButtonProps = {
  value: string;
  label: string;
  copiedLabel: string;
  onCopyFailed?: () => void;
};

export function CopyButton({ value, label, copiedLabel, onCopyFailed }: CopyButtonProps) {
  const [isCopied, setIsCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setIsCopied(true);
      window.setTimeout(() => setIsCopied(false), 2000);
    } catch {
      onCopyFailed?.();
    }
  }

  return (
    <Button type="button" variant="secondary" size="sm" onClick={copy}>
      {isCopied ? <Check aria-hidden /> : <Copy aria-hidden />}
      <span aria-live="polite">{isCopied ? copiedLabel : label}</span>
    </Button>
  );
}

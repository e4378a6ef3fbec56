import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';

export function CopyButton({ text }: { text: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard access needs a secure context; the value stays selectable on screen.
      setCopied(false);
    }
  }
  return (
    <Button size="sm" onClick={() => void copy()}>
      {copied ? t('common.copied') : t('common.copy')}
    </Button>
  );
}

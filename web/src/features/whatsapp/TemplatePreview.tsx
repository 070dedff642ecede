import { useTranslation } from 'react-i18next';
import { cn } from '@/lib/classNames';
import { previewSegments, type TemplateValues } from './templates';

type TemplatePreviewProps = {
  body: string;
  variables: TemplateValues;
  header?: string;
  /** Given when the header still holds its placeholders (they are marked like the body's); otherwise the header shows as it is. */
  headerVariables?: TemplateValues;
  footer?: string;
  buttons?: readonly string[];
  className?: string;
};

/** A template as the customer will see it: a business bubble with its variables filled in. */
export function TemplatePreview({ body, variables, header, headerVariables, footer, buttons = [], className }: TemplatePreviewProps) {
  const { t } = useTranslation();
  return (
    <figure className={cn('grid content-start gap-1', className)}>
      <figcaption className="text-xs font-medium text-zinc-500">{t('templates.previewLabel')}</figcaption>
      <div className="rounded-lg bg-[#efeae2] p-3">
        <div className="ml-auto w-fit max-w-full rounded-lg rounded-tr-sm bg-[#d9fdd3] px-3 py-2 text-sm text-zinc-900 shadow-xs" data-testid="template-preview">
          {header ? <p className="mb-1 break-words font-semibold">{headerVariables ? <FilledText text={header} values={headerVariables} /> : header}</p> : null}
          <p className="whitespace-pre-wrap break-words">
            {body ? <FilledText text={body} values={variables} /> : <span className="text-zinc-500">{t('templates.previewEmpty')}</span>}
          </p>
          {footer ? <p className="mt-1 text-xs text-zinc-500">{footer}</p> : null}
        </div>
        {buttons.length > 0 ? (
          <div className="ml-auto mt-1 grid w-fit min-w-40 max-w-full gap-1">
            {buttons.map((button) => (
              <span key={button} className="rounded-lg bg-white px-3 py-1.5 text-center text-sm font-medium text-sky-600 shadow-xs">
                {button}
              </span>
            ))}
          </div>
        ) : null}
      </div>
    </figure>
  );
}

/** Text with its variables marked: filled ones softly, missing ones (still {{name}}) in amber. */
function FilledText({ text, values }: { text: string; values: TemplateValues }) {
  return previewSegments(text, values).map((segment, index) =>
    segment.variable === undefined ? (
      <span key={index}>{segment.text}</span>
    ) : (
      <mark key={index} className={cn('rounded px-0.5', segment.isFilled ? 'bg-emerald-200/60 text-inherit' : 'bg-amber-200 text-amber-900')}>
        {segment.text}
      </mark>
    ),
  );
}

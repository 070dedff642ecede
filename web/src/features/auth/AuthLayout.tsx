import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '@/components/ui/brand-mark';

type AuthLayoutProps = {
  title: ReactNode;
  description?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
};

export function AuthLayout({ title, description, footer, children }: AuthLayoutProps) {
  const { t } = useTranslation();
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2">
          <BrandMark />
          <span className="text-lg font-semibold tracking-tight text-zinc-900">{t('app.name')}</span>
        </div>
        <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8">
          <div className="mb-6 grid gap-1 text-center">
            <h1 className="text-xl font-semibold text-zinc-900">{title}</h1>
            {description ? <p className="text-sm text-zinc-600">{description}</p> : null}
          </div>
          {children}
        </div>
        {footer ? <p className="mt-6 text-center text-sm text-zinc-600">{footer}</p> : null}
      </div>
    </main>
  );
}

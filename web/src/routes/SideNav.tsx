import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { BrandMark } from '@/components/ui/brand-mark';
import { cn } from '@/lib/classNames';
import { NAV_SECTIONS } from './navigation';

export function SideNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="flex h-full flex-col">
      <div className="flex h-14 items-center gap-2 border-b border-zinc-200 px-4">
        <BrandMark className="size-7" />
        <span className="font-semibold tracking-tight text-zinc-900">{t('app.name')}</span>
      </div>
      <nav aria-label={t('nav.label')} className="flex-1 overflow-y-auto p-3">
        {NAV_SECTIONS.map((section, index) => (
          <div key={section.labelKey ?? index} className="grid gap-1">
            {section.labelKey ? (
              <h2 className="px-2 pb-1 pt-4 text-xs font-medium uppercase tracking-wide text-zinc-500">{t(section.labelKey)}</h2>
            ) : null}
            <ul className="grid gap-0.5">
              {section.items.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    onClick={onNavigate}
                    className={({ isActive }) =>
                      cn(
                        'flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-zinc-700 transition-colors hover:bg-zinc-100 hover:text-zinc-900',
                        isActive && 'bg-emerald-50 text-emerald-800 hover:bg-emerald-50 hover:text-emerald-800',
                      )
                    }
                  >
                    <item.icon className="size-4 shrink-0" aria-hidden />
                    {t(item.labelKey)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
    </div>
  );
}

import { getTranslations } from 'next-intl/server'
import { can, type Permission } from '@/lib/auth/permissions'
import type { StaffUser } from '@/lib/auth/session'
import { countNeedsAttention } from '@/lib/charges/queries/attention'
import { AttentionCount } from './attention-count'
import { HeaderMenu, NavLink, ShellLink } from './header-menu'

interface NavItem {
  href: string
  labelKey: string
  permission: Permission
}

/** The staff navigation; each link shows only to a role with its permission. */
const NAV_ITEMS: NavItem[] = [
  { href: '/charge/new', labelKey: 'newCharge', permission: 'charge:create' },
  { href: '/charge/today', labelKey: 'today', permission: 'charge:view' },
  { href: '/handover', labelKey: 'handover', permission: 'handover:record' },
  { href: '/charges', labelKey: 'charges', permission: 'charges:review' },
  { href: '/attention', labelKey: 'attention', permission: 'charges:review' },
  { href: '/admin/users', labelKey: 'users', permission: 'users:manage' },
  { href: '/admin/stations', labelKey: 'stations', permission: 'stations:manage' },
  { href: '/admin/settings', labelKey: 'settings', permission: 'settings:manage' },
  { href: '/admin/audit', labelKey: 'audit', permission: 'audit:view' },
]

/**
 * The staff header and page frame. The layout passes in what lives in app/ (the sign-out action,
 * the language switch): components never import app/.
 */
export async function StaffShell({
  user,
  shopName,
  signOut,
  languageSwitch,
  children,
}: {
  user: StaffUser
  shopName: string
  signOut: () => Promise<void>
  languageSwitch: React.ReactNode
  children: React.ReactNode
}) {
  const [t, tRoles, tCommon] = await Promise.all([
    getTranslations('nav'),
    getTranslations('roles'),
    getTranslations('common'),
  ])
  const items = NAV_ITEMS.filter((i) => can(user.role, i.permission))
  // The manager's to-do count: unknown, overdue, paid-after-cancel, failing to reconcile.
  const canReview = can(user.role, 'charges:review')
  const attention = canReview ? await countNeedsAttention() : 0
  // Not min-h-screen: the body already fills the screen with the canvas, and the demo ribbon above
  // this made every short staff page scroll by the ribbon's height.
  return (
    <div>
      <header className="relative bg-accent-strong text-white print:hidden">
        <div className="mx-auto flex min-h-14 max-w-7xl items-center gap-4 px-4">
          <ShellLink href="/" className="flex min-h-11 min-w-0 items-center gap-2 font-semibold">
            <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded-lg bg-white/15">
              ¥
            </span>
            <span className="truncate whitespace-nowrap">{shopName}</span>
          </ShellLink>
          <HeaderMenu
            label={t('menu')}
            closeLabel={t('closeMenu')}
            inlineFrom={items.length > 4 ? 'xl' : 'md'}
          >
            <nav
              aria-label={t('main')}
              className="flex min-w-0 flex-1 flex-col gap-1 md:flex-row md:flex-wrap md:items-center"
            >
              {items.map((i) => (
                <NavLink key={i.href} href={i.href}>
                  {t(i.labelKey)}
                  {i.href === '/attention' && canReview ? (
                    <AttentionCount initial={attention} />
                  ) : null}
                </NavLink>
              ))}
            </nav>
            <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
              {languageSwitch}
              <div
                className="text-sm leading-tight whitespace-nowrap md:text-right"
                data-testid="current-user"
              >
                <div className="font-medium">{user.displayName}</div>
                <div className="text-blue-200">{tRoles(user.role)}</div>
              </div>
              <form action={signOut}>
                <button
                  type="submit"
                  data-testid="sign-out"
                  className="min-h-11 rounded-md border border-white/30 px-3 text-sm whitespace-nowrap hover:bg-white/10"
                >
                  {tCommon('signOut')}
                </button>
              </form>
            </div>
          </HeaderMenu>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6 print:max-w-none print:p-0">{children}</main>
    </div>
  )
}

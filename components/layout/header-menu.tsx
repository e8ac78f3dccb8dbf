'use client'

import { useState } from 'react'
import { usePathname, useRouter } from 'next/navigation'

/*
 * The staff header's links, language, user and sign-out: in a row when the screen is wide enough
 * for all of them, behind a 菜单 button when it is not (a phone, or an admin's many links on a
 * 1024 px tablet). One copy of each link either way, so nothing is listed twice. In the row the
 * links never wrap and the row never shrinks: a long shop name gives way (it truncates) rather than
 * the nav running onto a second row.
 */
const AT = {
  md: {
    button: 'md:hidden',
    panel:
      'md:static md:flex md:flex-auto md:shrink-0 md:flex-row md:items-center md:justify-between md:border-0 md:p-0 md:shadow-none md:bg-transparent md:[&>nav]:flex-nowrap',
  },
  xl: {
    button: 'xl:hidden',
    panel:
      'xl:static xl:flex xl:flex-auto xl:shrink-0 xl:flex-row xl:items-center xl:justify-between xl:border-0 xl:p-0 xl:shadow-none xl:bg-transparent xl:[&>nav]:flex-nowrap',
  },
} as const

export function HeaderMenu({
  label,
  closeLabel,
  inlineFrom,
  children,
}: {
  label: string
  closeLabel: string
  /** The width from which everything fits in one row. */
  inlineFrom: keyof typeof AT
  children: React.ReactNode
}) {
  const pathname = usePathname()
  // Open for the page it was opened on: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null)
  const open = openOn === pathname
  const at = AT[inlineFrom]
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="staff-menu"
        data-testid="menu-button"
        onClick={() => setOpenOn(open ? null : pathname)}
        className={`ml-auto flex min-h-11 items-center gap-2 rounded-md border border-white/30 px-3 text-sm font-medium whitespace-nowrap hover:bg-white/10 ${at.button}`}
      >
        <svg viewBox="0 0 24 24" className="h-5 w-5" aria-hidden fill="none">
          <path
            d={open ? 'M6 6l12 12M18 6L6 18' : 'M4 7h16M4 12h16M4 17h16'}
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          />
        </svg>
        {open ? closeLabel : label}
      </button>
      <div
        id="staff-menu"
        className={`${open ? 'flex' : 'hidden'} absolute inset-x-0 top-full z-20 flex-col gap-3 border-t border-white/20 bg-accent-strong p-4 shadow-lg ${at.panel} min-w-0 flex-1 gap-x-4`}
      >
        {children}
      </div>
    </>
  )
}

/**
 * A link of the staff header. It navigates without a page load as next/link does, without
 * next/link's ~4 KB (gzip) in every staff page's first load (issue 14): the header's links were
 * the only next/link on the charge form and the charge screen. A click with a modifier key or
 * another button is left to the browser (new tab, new window); the route is prefetched when the
 * pointer or the focus comes to the link rather than when it scrolls into view.
 */
export function ShellLink({
  href,
  current = false,
  className,
  children,
}: {
  href: string
  current?: boolean
  className: string
  children: React.ReactNode
}) {
  const router = useRouter()
  return (
    <a
      href={href}
      aria-current={current ? 'page' : undefined}
      className={className}
      onClick={(e) => {
        if (e.defaultPrevented || e.button !== 0) return
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
        e.preventDefault()
        router.push(href)
      }}
      onPointerEnter={() => router.prefetch(href)}
      onFocus={() => router.prefetch(href)}
    >
      {children}
    </a>
  )
}

/** A link of the staff navigation, marked current on its page and the pages under it. */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname()
  const active = pathname === href || pathname.startsWith(`${href}/`)
  return (
    <ShellLink
      href={href}
      current={active}
      className={`flex min-h-11 items-center rounded-md px-2.5 text-sm font-medium whitespace-nowrap ${
        active ? 'bg-white/15 text-white' : 'text-blue-100 hover:bg-white/10 hover:text-white'
      }`}
    >
      {children}
    </ShellLink>
  )
}

'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname()
  const active = pathname === href || pathname.startsWith(`${href}/`)
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={`flex min-h-11 items-center rounded-md px-3 text-sm font-medium whitespace-nowrap ${
        active ? 'bg-white/15 text-white' : 'text-blue-100 hover:bg-white/10 hover:text-white'
      }`}
    >
      {children}
    </Link>
  )
}

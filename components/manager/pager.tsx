import { getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { buttonClass } from '@/components/ui/button'

const link = buttonClass('secondary')

/**
 * Keyset paging: newer / older links carry the cursor of the row at the page edge, plus the filter.
 * The browser's back button works too, since every page is its own URL.
 */
export async function Pager(props: {
  base: URLSearchParams
  newer: string | null
  older: string | null
}) {
  const t = await getTranslations('manager.list')
  const href = (key: 'after' | 'before' | null, cursor: string | null) => {
    const p = new URLSearchParams(props.base)
    if (key && cursor) p.set(key, cursor)
    const q = p.toString()
    return q ? `/charges?${q}` : '/charges'
  }
  if (!props.newer && !props.older) return null
  return (
    <nav aria-label={t('pager')} className="flex flex-wrap items-center justify-between gap-3">
      <div className="flex gap-3">
        {props.newer ? (
          <>
            <Link href={href(null, null)} className={link}>
              {t('newest')}
            </Link>
            <Link href={href('before', props.newer)} rel="prev" className={link}>
              {t('newer')}
            </Link>
          </>
        ) : null}
      </div>
      {props.older ? (
        <Link
          href={href('after', props.older)}
          rel="next"
          className={link}
          data-testid="charges-older"
        >
          {t('older')}
        </Link>
      ) : null}
    </nav>
  )
}

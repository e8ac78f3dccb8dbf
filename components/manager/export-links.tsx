import { getTranslations } from 'next-intl/server'
import { buttonClass } from '@/components/ui/button'

/**
 * The list's exports (Excel, CSV) of the whole filtered set. When the filters match no charge they
 * are shown but not offered, the reason beside them: a file of headers only is no answer to a
 * manager. The routes themselves still answer such a request with that file (a script or a saved
 * link asking for a quiet day gets a valid, empty export, not an error); only the page holds back.
 */
export async function ExportLinks({ params, count }: { params: URLSearchParams; count: number }) {
  const t = await getTranslations('manager.list')
  const exports = [
    { hook: 'export-xlsx', href: `/api/charges/export/xlsx?${params}`, text: t('exportXlsx') },
    { hook: 'export-csv', href: `/api/charges/export?${params}`, text: t('export') },
  ]
  if (count === 0) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <p
          id="export-none"
          data-testid="export-none"
          className="text-sm text-gray-600 max-sm:w-full"
        >
          {t('exportNone')}
        </p>
        {exports.map((e) => (
          <button
            key={e.hook}
            type="button"
            disabled
            aria-describedby="export-none"
            data-testid={e.hook}
            className={`${buttonClass('outline')} cursor-not-allowed`}
          >
            {e.text}
          </button>
        ))}
      </div>
    )
  }
  return (
    <div className="flex flex-wrap gap-3">
      {exports.map((e) => (
        <a
          key={e.hook}
          href={e.href}
          download
          data-testid={e.hook}
          className={buttonClass('outline')}
        >
          {e.text}
        </a>
      ))}
    </div>
  )
}

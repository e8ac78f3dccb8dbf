import { getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { buttonClass } from '@/components/ui/button'

/** The papers a handover prints on: A4 (default) or the 80 mm receipt roll. */
export type Paper = 'a4' | '80mm'

/** The `paper` search parameter, read; anything else is A4. */
export const paperOf = (param: string | null): Paper => (param === '80mm' ? '80mm' : 'a4')

/** The @page rule of each paper. */
export const PAGE_RULE: Record<Paper, string> = {
  a4: '@page { size: A4; margin: 12mm; }',
  '80mm': '@page { size: 80mm 297mm; margin: 4mm; }',
}

/** 打印纸 A4 | 80 毫米小票: links to the same page on the other paper (hidden when printed). */
export async function PaperChoice({
  paper,
  href,
}: {
  paper: Paper
  href: (paper: Paper) => string
}) {
  const t = await getTranslations('handover')
  return (
    <>
      <span className="text-sm text-gray-600">{t('paper')}</span>
      {(['a4', '80mm'] as const).map((p) => (
        <Link
          key={p}
          href={href(p)}
          data-testid={`handover-paper-${p}`}
          aria-current={paper === p ? 'true' : undefined}
          className={buttonClass(paper === p ? 'primary' : 'secondary')}
        >
          {t(`papers.${p}`)}
        </Link>
      ))}
    </>
  )
}

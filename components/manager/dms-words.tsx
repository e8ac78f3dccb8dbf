import { getTranslations } from 'next-intl/server'
import { readSystemText } from '@/lib/dms/system-text'

/**
 * What DMS (or the line to it) said, for a manager: our client's own English notes ("HTTP 503: …",
 * "no answer within 10000 ms") become a sentence in the page's language with the network code as
 * small print; the stored text stays whole in the tooltip for support. DMS's own words show as they are.
 */
export async function DmsWords({ message }: { message: string }) {
  const system = readSystemText(message)
  if (!system) return <>{message}</>
  const t = await getTranslations('manager.systemText')
  return (
    <span title={message} data-testid="dms-system-text" data-kind={system.kind}>
      {t(system.kind, system.params)}
      {system.code ? (
        <span className="ml-1 font-mono text-xs text-gray-500">({system.code})</span>
      ) : null}
    </span>
  )
}

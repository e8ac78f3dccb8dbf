/*
 * The name an export is saved under, from the days it covers: a manager who exports last week and
 * this month gets two files that say which is which (both were charges-<today>.csv, whatever they
 * held). Beijing days, as the filter has them; ASCII only, so every browser and OS keeps it as is.
 */

/** `days` the filter's days (filterDays), `today` the Beijing day the export is made. */
export function exportFileName(
  days: { from: string | null; to: string | null },
  today: string,
  extension: 'csv' | 'xlsx',
): string {
  const { from, to } = days
  const span =
    from && to
      ? from === to
        ? from
        : `${from}_${to}`
      : from
        ? `${from}_${today}`
        : to
          ? `until-${to}`
          : `all-${today}`
  return `charges-${span}.${extension}`
}

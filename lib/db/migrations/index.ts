import { coreMigration } from './0001-core'
import { chargesMigration } from './0002-charges'
import { devicesMigration } from './0003-devices'
import { chargeTotalsIndexesMigration } from './0004-charge-totals-indexes'
import { stationRecentIndexMigration } from './0005-station-recent-index'
import { sessionsAndRepeatsMigration } from './0006-sessions-and-repeats'
import { sharedLimitsMigration } from './0007-shared-limits'
import { handoversMigration } from './0009-handovers'
import { receiptPrintsMigration } from './0012-receipt-prints'
import { chargeSearchMigration } from './0013-charge-search-and-totals'
import type { Migration } from './types'

/** Every migration, in the order they run. Append only. */
export const migrations: readonly Migration[] = [
  coreMigration,
  chargesMigration,
  devicesMigration,
  chargeTotalsIndexesMigration,
  stationRecentIndexMigration,
  sessionsAndRepeatsMigration,
  sharedLimitsMigration,
  handoversMigration,
  receiptPrintsMigration,
  chargeSearchMigration,
]

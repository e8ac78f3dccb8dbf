import { coreMigration } from './0001-core'
import { chargesMigration } from './0002-charges'
import { devicesMigration } from './0003-devices'
import { chargeTotalsIndexesMigration } from './0004-charge-totals-indexes'
import { stationRecentIndexMigration } from './0005-station-recent-index'
import { sessionsAndRepeatsMigration } from './0006-sessions-and-repeats'
import { sharedLimitsMigration } from './0007-shared-limits'
import { chargeVersionMigration } from './0008-charge-version'
import { handoversMigration } from './0009-handovers'
import { stationPayWayAccountsMigration } from './0010-station-pay-way-accounts'
import { chargeSettlementMigration } from './0011-charge-settlement'
import { receiptPrintsMigration } from './0012-receipt-prints'
import { chargeSearchMigration } from './0013-charge-search-and-totals'
import { stationAutoPrintMigration } from './0014-station-auto-print'
import { endedSessionsMigration } from './0015-ended-sessions'
import { auditActorKindMigration } from './0016-audit-actor-kind'
import { handoverTimelineMarkMigration } from './0017-handover-timeline-mark'
import { systemCancelUnnamedMigration } from './0018-system-cancel-unnamed'
import { handoverLateChangesMigration } from './0019-handover-late-changes'
import { stationPaidIndexMigration } from './0020-station-paid-index'
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
  chargeVersionMigration,
  handoversMigration,
  stationPayWayAccountsMigration,
  chargeSettlementMigration,
  receiptPrintsMigration,
  chargeSearchMigration,
  stationAutoPrintMigration,
  endedSessionsMigration,
  auditActorKindMigration,
  handoverTimelineMarkMigration,
  systemCancelUnnamedMigration,
  handoverLateChangesMigration,
  stationPaidIndexMigration,
]

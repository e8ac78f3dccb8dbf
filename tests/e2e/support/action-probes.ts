import { beijingDayStart } from '@/lib/charges/beijing-day'
import type { E2ERole } from './config'
import type { World } from './world'

/*
 * Every guarded server action, where it is rendered, and two inputs:
 * - `valid`: what would change something if the action's own check were missing (used for the
 *   identities that must be refused, so "refused" is proven by nothing having changed);
 * - `invalid`: what validation refuses (used for the identities that are allowed: validation runs
 *   after the permission check, so `invalid-input` proves the way in without changing anything).
 *   Null when every input is valid; the allowed identities then really run it (harmless: a re-check).
 * Not listed: `login`, `chooseLocale` and `signOutAction` are meant for anyone.
 */

export interface ActionProbe {
  name: string
  /** The page that renders the action's form (the client posts to it), and who may open it. */
  page: (w: World) => string
  renderAs: E2ERole
  valid: (w: World) => Record<string, string>
  invalid: ((w: World) => Record<string, string>) | null
}

const users = { page: () => '/admin/users', renderAs: 'admin' as const }
const stations = { page: () => '/admin/stations', renderAs: 'manager' as const }
const tablets = {
  page: (w: World) => `/admin/stations/${w.stationA}/tablets`,
  renderAs: 'manager' as const,
}
const attention = { page: () => '/attention', renderAs: 'manager' as const }
const charges = { page: () => '/charges', renderAs: 'manager' as const }
const desk = { page: (w: World) => `/charge/${w.openCharge.id}`, renderAs: 'cashier' as const }

/** A bill number no charge has: a create that got through would leave it in the database. */
export const INTRUDER_BILL = 'MTX-INTRUDER-1'
export const INTRUDER_USER = 'matrix-intruder'

export const ACTION_PROBES: ActionProbe[] = [
  {
    name: 'addUserAction',
    ...users,
    valid: () => ({
      username: INTRUDER_USER,
      display_name: 'Intruder',
      role: 'admin',
      password: 'intruder-pass-1',
    }),
    invalid: () => ({ username: 'x', role: 'cashier' }),
  },
  {
    name: 'changeRoleAction',
    ...users,
    valid: () => ({ username: 'cashier', role: 'admin' }),
    invalid: () => ({ username: 'cashier', role: 'owner' }),
  },
  {
    name: 'setEnabledAction',
    ...users,
    valid: () => ({ username: 'manager', enabled: 'false' }),
    invalid: () => ({ username: 'manager', enabled: 'maybe' }),
  },
  {
    name: 'resetPasswordAction',
    ...users,
    valid: () => ({ username: 'admin', password: 'taken-over-123' }),
    invalid: () => ({ username: 'admin', password: 'short' }),
  },
  {
    name: 'endSessionsAction',
    ...users,
    valid: () => ({ username: 'manager' }),
    invalid: () => ({ username: '' }),
  },
  {
    name: 'saveSettingsAction',
    page: () => '/admin/settings',
    renderAs: 'admin',
    valid: () => ({
      shop_name: 'Intruder shop',
      language: 'en',
      cashier_timeout_min: '60',
      max_amount: '99999.00',
      speak_paid: 'on',
    }),
    invalid: () => ({ shop_name: '', language: 'xx', cashier_timeout_min: 'x', max_amount: 'x' }),
  },
  {
    name: 'addStationAction',
    ...stations,
    valid: () => ({ name: 'Intruder desk' }),
    invalid: () => ({ name: '' }),
  },
  {
    name: 'renameStationAction',
    ...stations,
    valid: (w) => ({ station_id: w.stationA, name: 'Hijacked desk' }),
    invalid: (w) => ({ station_id: w.stationA, name: '' }),
  },
  {
    name: 'setAccountsAction',
    ...stations,
    valid: (w) => ({
      station_id: w.stationA,
      payer_id: 'INTRUDER',
      reciever_weixin_id: 'INTRUDER',
      reciever_alipay_id: 'INTRUDER',
    }),
    invalid: (w) => ({
      station_id: w.stationA,
      payer_id: 'bad id!',
      reciever_weixin_id: 'bad id!',
      reciever_alipay_id: 'bad id!',
    }),
  },
  {
    name: 'setAutoPrintAction',
    ...stations,
    valid: (w) => ({ station_id: w.stationA, auto_print: 'on' }),
    invalid: () => ({ station_id: '', auto_print: 'on' }),
  },
  {
    name: 'createPairingCodeAction',
    ...tablets,
    valid: (w) => ({ station_id: w.stationA }),
    invalid: () => ({ station_id: '' }),
  },
  {
    name: 'revokeTabletAction',
    ...tablets,
    valid: (w) => ({ station_id: w.stationA, device_id: w.tabletADevice }),
    invalid: () => ({ station_id: '', device_id: '' }),
  },
  { name: 'recheckAllAction', ...attention, valid: () => ({}), invalid: null },
  {
    name: 'markReviewedAction',
    ...attention,
    valid: (w) => ({ charge_id: w.paidCharge.id }),
    invalid: () => ({ charge_id: 'x' }),
  },
  {
    name: 'recheckChargeAction',
    page: (w) => `/charges/${w.paidCharge.id}`,
    renderAs: 'manager',
    valid: (w) => ({ charge_id: w.paidCharge.id }),
    invalid: () => ({ charge_id: 'x' }),
  },
  {
    // Rendered (as nothing) on a settled charge's page too; the paid charge is the one it must not touch.
    name: 'settleChargeAction',
    page: (w) => `/charges/${w.paidCharge.id}`,
    renderAs: 'manager',
    valid: (w) => ({ charge_id: w.paidCharge.id, outcome: 'not-charged', reason: 'intruder' }),
    invalid: (w) => ({ charge_id: w.paidCharge.id, outcome: 'maybe', reason: '' }),
  },
  {
    name: 'saveViewAction',
    ...charges,
    valid: () => ({ name: 'Intruder view', query: 'status=paid' }),
    invalid: () => ({ name: '', query: '' }),
  },
  {
    name: 'deleteViewAction',
    ...charges,
    valid: (w) => ({ name: w.managerView }),
    invalid: () => ({ name: '' }),
  },
  {
    name: 'createChargeAction',
    page: () => '/charge/new',
    renderAs: 'cashier',
    valid: (w) => ({
      bz_order: INTRUDER_BILL,
      amount: '1.00',
      pay_way: 'SCAN_WEIXIN',
      station_id: w.stationA,
    }),
    invalid: (w) => ({
      bz_order: '<b>x</b>',
      amount: '1.00',
      pay_way: 'SCAN_WEIXIN',
      station_id: w.stationA,
    }),
  },
  {
    name: 'cancelChargeAction',
    ...desk,
    valid: (w) => ({ charge_id: w.openCharge.id }),
    invalid: () => ({ charge_id: 'x' }),
  },
  {
    name: 'switchPayWayAction',
    ...desk,
    valid: (w) => ({ charge_id: w.openCharge.id, pay_way: 'SCAN_ALIPAY' }),
    invalid: () => ({ charge_id: 'x', pay_way: 'SCAN_ALIPAY' }),
  },
  {
    // Without the check, this would record a first print of the paid charge's receipt.
    name: 'autoPrintReceiptAction',
    ...desk,
    valid: (w) => ({ charge_id: w.paidCharge.id }),
    invalid: () => ({ charge_id: 'x' }),
  },
  {
    // Station B has no charge: without the check, this would record its day as handed over.
    name: 'recordHandoverAction',
    page: () => '/handover',
    renderAs: 'cashier',
    valid: (w) => ({
      station_id: w.stationB,
      cashier_id: '',
      window_from: String(beijingDayStart(Date.now())),
      window_to: String(Date.now() - 1_000),
    }),
    invalid: (w) => ({ station_id: w.stationB, cashier_id: '', window_from: 'x', window_to: '' }),
  },
]

import { beijingTime, beijingToday } from '../support/clock'
import { chargeIdOf, FrontDesk } from './support/charge-page'
import { expect, test } from './support/quiet-server'

/*
 * "Today" is the Beijing day, whatever the hour the suite runs at: on a server whose clock the test
 * sets, a charge taken at 23:58 is on the cashier's today list, and off it at 00:00:30 — still on
 * the manager's list for the day it was taken.
 */

const DAY_MS = 86_400_000

test('the cashier’s today list starts at Beijing midnight', async ({ browser, quiet }) => {
  const day = beijingToday()
  const nextDay = beijingToday(beijingTime(day, '12:00:00') + DAY_MS)
  await quiet.setClock(beijingTime(day, '23:58:00'))
  // Signed in after the move, so the session is as old as the new clock says.
  const cashier = await quiet.pageAs(browser, 'cashier')
  const manager = await quiet.pageAs(browser, 'manager')
  const bill = `TODAY-${Date.now().toString(36).toUpperCase()}`
  const desk = new FrontDesk(cashier)
  await desk.charge(bill, '6.60')
  await desk.expectStatus('pending')
  const id = await chargeIdOf(cashier)
  const row = cashier.getByTestId('today-row').filter({ hasText: bill })

  await cashier.goto('/charge/today')
  await expect(row).toBeVisible()

  await quiet.setClock(beijingTime(nextDay, '00:00:30'))
  await cashier.goto('/charge/today')
  await expect(cashier.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(row).toHaveCount(0)
  await manager.goto(`/charges?q=${bill}&from=${day}&to=${day}`)
  await expect(manager.getByTestId('charge-row')).toHaveCount(1)
  await expect(manager.getByTestId('charge-row')).toHaveAttribute('data-charge-id', id)
  await manager.goto(`/charges?q=${bill}&from=${nextDay}&to=${nextDay}`)
  await expect(manager.getByTestId('charge-row')).toHaveCount(0)
  await cashier.context().close()
  await manager.context().close()
})

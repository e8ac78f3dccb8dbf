import { expect, type Page } from '@playwright/test'

/**
 * A charge's timeline (the manager's detail) is drawn as dots joined by a line that ends at the
 * last dot: one piece of line between each two dots, from the middle of one to the middle of the
 * next, and no border down the whole list (which ran on past the last dot, down its text).
 * Returns the number of dots, so the caller knows there was something to look at.
 */
export async function expectTimelineEndsAtLastDot(page: Page): Promise<number> {
  const drawn = await page.getByTestId('timeline').evaluate((ol) => {
    const boxes = (testId: string) =>
      [...ol.querySelectorAll(`[data-testid=${testId}]`)].map((el) => el.getBoundingClientRect())
    const dots = boxes('timeline-dot')
    return {
      listBorder: getComputedStyle(ol).borderLeftWidth,
      dots: dots.map((d) => Math.round(d.top + d.height / 2)),
      lines: boxes('timeline-line').map((l) => [Math.round(l.top), Math.round(l.bottom)]),
    }
  })
  expect(drawn.listBorder, 'no border down the whole list').toBe('0px')
  expect(drawn.dots.length, 'dots on the timeline').toBeGreaterThan(1)
  const joins = drawn.dots.slice(1).map((next, i) => [drawn.dots[i]!, next])
  // Within a pixel: rounding of half-pixel boxes.
  expect(drawn.lines.length, 'a line between each two dots, none after the last').toBe(joins.length)
  drawn.lines.forEach(([top, bottom], i) => {
    expect(Math.abs(top! - joins[i]![0]!), `line ${i + 1} starts at its dot`).toBeLessThanOrEqual(1)
    expect(Math.abs(bottom! - joins[i]![1]!), `line ${i + 1} ends at the next`).toBeLessThanOrEqual(
      1,
    )
  })
  return drawn.dots.length
}

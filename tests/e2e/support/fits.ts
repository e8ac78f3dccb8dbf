import { expect, type Locator, type Page } from '@playwright/test'

/*
 * What a screenshot spec checks before it takes a picture, so that a screen that does not fit fails
 * the run instead of waiting for someone to look: nothing wider than the screen, no text cut off by
 * its box, and the element that matters (the QR) wholly on screen without scrolling.
 */

/** The staff screen sizes every front-desk and manager screen is looked at in: phone first. */
export const STAFF_SIZES = [
  [390, 844],
  [1024, 768],
  [1280, 800],
] as const

/** The page is no wider than the screen (no sideways scroll); a failure names what sticks out. */
export async function expectFits(page: Page) {
  const { scroll, inner, wide } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
    wide: [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(-3)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 120)),
  }))
  expect(
    scroll,
    `page no wider than the screen; sticking out: ${wide.join(' | ')}`,
  ).toBeLessThanOrEqual(inner)
}

/** A full-screen display (the customer tablet) scrolls neither way: all of it is on screen. */
export async function expectNoScroll(page: Page) {
  await expectFits(page)
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollHeight,
    inner: window.innerHeight,
  }))
  expect(scroll, 'page no taller than the screen').toBeLessThanOrEqual(inner)
}

/**
 * No box cuts its own content off: an element that hides its overflow (or ends it with an ellipsis)
 * holds all of it. A screen-reader-only text (a 1 px box by design) and a box that scrolls on
 * purpose do not count. Returns how many boxes were looked at, so the caller knows the check ran.
 */
export async function expectNothingClipped(page: Page): Promise<number> {
  const { looked, clipped } = await page.evaluate(() => {
    const hides = (v: string) => v === 'hidden' || v === 'clip'
    const boxes = [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => {
      const r = el.getBoundingClientRect()
      return r.width > 1 && r.height > 1 && el.checkVisibility()
    })
    const clipped = boxes
      .filter((el) => {
        const s = getComputedStyle(el)
        const wide = el.scrollWidth > el.clientWidth + 1
        const tall = el.scrollHeight > el.clientHeight + 1
        return (
          ((hides(s.overflowX) || s.textOverflow === 'ellipsis') && wide) ||
          (hides(s.overflowY) && tall)
        )
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} “${el.textContent!.trim()}”`)
    return { looked: boxes.length, clipped: clipped.map((c) => c.slice(0, 160)) }
  })
  expect(looked, 'boxes looked at').toBeGreaterThan(2)
  expect(clipped, 'boxes that cut off their content').toEqual([])
  return looked
}

/** `target` is visible and wholly inside the screen as it is, without scrolling. */
export async function expectWhollyOnScreen(page: Page, target: Locator) {
  await expect(target).toBeVisible()
  const box = (await target.boundingBox())!
  const { width, height } = page.viewportSize()!
  const where = `${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)} on ${width}×${height}`
  expect(box.width, `a real size (${where})`).toBeGreaterThan(100)
  expect(box.x, `left edge on screen (${where})`).toBeGreaterThanOrEqual(0)
  expect(box.y, `top edge on screen (${where})`).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width, `right edge on screen (${where})`).toBeLessThanOrEqual(width)
  expect(box.y + box.height, `bottom edge on screen (${where})`).toBeLessThanOrEqual(height)
}

/**
 * Each of `words` on one line of `target` (a word broken in two is on two), at a desk's width and a
 * phone's, then the whole page as `shotPath(width)` to look at.
 */
export async function expectWordsWhole(
  page: Page,
  target: Locator,
  words: readonly RegExp[],
  shotPath: (width: number) => string,
) {
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height })
    for (const pattern of words) {
      expect(await linesOfText(target, pattern), `${pattern} at ${width} px`).toBe(1)
    }
    await page.screenshot({ path: shotPath(width), fullPage: true })
  }
}

/**
 * How many lines the first run of `target`'s text that matches `pattern` takes (1 = not broken),
 * across the inline elements it spans; 0 when nothing matches.
 */
export async function linesOfText(target: Locator, pattern: RegExp): Promise<number> {
  return target.evaluate(
    (el, [source, flags]) => {
      const nodes: Text[] = []
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text)
      const text = nodes.map((n) => n.data).join('')
      const match = new RegExp(source!, flags).exec(text)
      if (!match) return 0
      // The text node and offset of a character of the whole text.
      const at = (index: number): [Text, number] => {
        let i = index
        for (const n of nodes) {
          if (i <= n.data.length) return [n, i]
          i -= n.data.length
        }
        throw new Error(`offset ${index} past the text`)
      }
      const range = document.createRange()
      range.setStart(...at(match.index))
      range.setEnd(...at(match.index + match[0].length))
      // One line's boxes (text, and the inline elements in it) share a top within a pixel or two.
      const tops = [...range.getClientRects()]
        .filter((r) => r.width > 0)
        .map((r) => r.top)
        .sort((a, b) => a - b)
      return tops.filter((top, i) => i === 0 || top - tops[i - 1]! > 4).length
    },
    [pattern.source, pattern.flags] as const,
  )
}

/**
 * `target` as it is painted (its box, its ring or shadow's spread and, when focused, its focus
 * outline) lies wholly inside every ancestor that clips its overflow (a table's scrolling card):
 * a control flush with such a box lost the edge of its border there. Returns the clipping
 * ancestors looked at, so the caller knows there was one.
 */
export async function expectPaintedInsideClip(target: Locator, what: string): Promise<number> {
  const { painted, clips } = await target.evaluate((el) => {
    const s = getComputedStyle(el)
    const r = el.getBoundingClientRect()
    const grow = { top: 0, right: 0, bottom: 0, left: 0 }
    // Each outer shadow as Chrome computes it: "rgb(…) 0px 0px 0px 1px" (x, y, blur, spread).
    for (const shadow of s.boxShadow === 'none' ? [] : s.boxShadow.split(/,(?![^(]*\))/)) {
      if (/\binset\b/.test(shadow)) continue
      const [x = 0, y = 0, blur = 0, spread = 0] = [...shadow.matchAll(/(-?[\d.]+)px/g)].map((m) =>
        Number(m[1]),
      )
      grow.left = Math.max(grow.left, blur + spread - x)
      grow.right = Math.max(grow.right, blur + spread + x)
      grow.top = Math.max(grow.top, blur + spread - y)
      grow.bottom = Math.max(grow.bottom, blur + spread + y)
    }
    if (s.outlineStyle !== 'none') {
      const o = parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset)
      for (const side of ['top', 'right', 'bottom', 'left'] as const)
        grow[side] = Math.max(grow[side], o)
    }
    const painted = {
      top: r.top - grow.top,
      right: r.right + grow.right,
      bottom: r.bottom + grow.bottom,
      left: r.left - grow.left,
    }
    const clips = []
    for (let a = el.parentElement; a; a = a.parentElement) {
      const as = getComputedStyle(a)
      if (as.overflowX === 'visible' && as.overflowY === 'visible') continue
      // The visible box of a scroller: inside its borders.
      const b = a.getBoundingClientRect()
      clips.push({
        name: `${a.tagName.toLowerCase()}.${a.className}`.slice(0, 80),
        top: b.top + a.clientTop,
        left: b.left + a.clientLeft,
        right: b.left + a.clientLeft + a.clientWidth,
        bottom: b.top + a.clientTop + a.clientHeight,
      })
    }
    return { painted, clips }
  })
  for (const clip of clips) {
    const where = `${what}: painted ${JSON.stringify(painted)} in ${JSON.stringify(clip)}`
    expect(painted.left, where).toBeGreaterThanOrEqual(clip.left - 0.5)
    expect(painted.right, where).toBeLessThanOrEqual(clip.right + 0.5)
    expect(painted.top, where).toBeGreaterThanOrEqual(clip.top - 0.5)
    expect(painted.bottom, where).toBeLessThanOrEqual(clip.bottom + 0.5)
  }
  return clips.length
}

/**
 * How many rows `controls` lie in: boxes whose vertical middles are within 4 px share one (a row's
 * controls are centred on it whatever their heights).
 */
export async function rowsOf(controls: Locator): Promise<number> {
  const middles = (
    await Promise.all((await controls.all()).map(async (c) => (await c.boundingBox())!))
  )
    .map((box) => box.y + box.height / 2)
    .sort((a, b) => a - b)
  return middles.filter((m, i) => i === 0 || m - middles[i - 1]! > 4).length
}

/**
 * A rounded frame drawn by a ring (a box-shadow) keeps its corners: whatever reaches into a corner
 * is clipped by the frame or rounded as much itself. A square inside, unclipped, paints over the
 * ring's rounded corner (shadows are painted under the content) and the frame looks cut there: the
 * tablet's QR, whose white ground is a square. Returns the frame's radius, so the caller knows
 * there was a rounding to keep.
 */
export async function expectCornersWhole(frame: Locator, what: string): Promise<number> {
  const { radius, clips, square } = await frame.evaluate((el) => {
    const s = getComputedStyle(el)
    const radius = parseFloat(s.borderTopLeftRadius) || 0
    const r = el.getBoundingClientRect()
    // A pixel inside each corner of the frame's box: outside its rounding.
    const corners = [
      [r.left + 1, r.top + 1],
      [r.right - 1, r.top + 1],
      [r.left + 1, r.bottom - 1],
      [r.right - 1, r.bottom - 1],
    ] as const
    const square = [...el.querySelectorAll('*')]
      .filter((c) => {
        const b = c.getBoundingClientRect()
        const own = parseFloat(getComputedStyle(c).borderTopLeftRadius) || 0
        const covers = corners.some(
          ([x, y]) => b.left <= x && x <= b.right && b.top <= y && y <= b.bottom,
        )
        return covers && own < radius
      })
      .map((c) => c.tagName.toLowerCase())
    return { radius, clips: s.overflowX !== 'visible' && s.overflowY !== 'visible', square }
  })
  expect(radius, `${what}: a rounded frame`).toBeGreaterThan(0)
  if (!clips) expect(square, `${what}: square content over the frame's rounded corners`).toEqual([])
  return radius
}

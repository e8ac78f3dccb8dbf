/*
 * A new tablet's automatic name, from its browser's user agent: what device and browser it is and
 * a short id that tells two alike apart. It is stored in a neutral form, "iPad · Safari #3f2a" (the
 * labels below, which are also the pre-existing names), because a stored name is one text while
 * the staff read the admin pages in Chinese or English: the pages read the parts back
 * (parseDeviceLabel) and show them in the reader's words (deviceLabelInWords). A name a manager
 * typed does not parse and is shown as typed.
 * First match wins in each list, so the more specific patterns come first.
 */

const DEVICES = [
  [/iPad/, 'iPad', 'ipad'],
  [/iPhone/, 'iPhone', 'iphone'],
  [/Android.*Mobile/, 'Android phone', 'androidPhone'],
  [/Android/, 'Android tablet', 'androidTablet'],
  [/Windows/, 'Windows', 'windows'],
  // iPadOS asks for the desktop site and says "Macintosh": from the header alone they look alike.
  [/Macintosh/, 'Mac / iPad', 'mac'],
  [/CrOS/, 'ChromeOS', 'chromeos'],
  [/Linux/, 'Linux', 'linux'],
] as const

const BROWSERS = [
  [/MicroMessenger\//, 'WeChat', 'wechat'],
  [/HuaweiBrowser\//, 'Huawei Browser', 'huawei'],
  [/MiuiBrowser\//, 'MIUI Browser', 'miui'],
  [/UCBrowser\//, 'UC', 'uc'],
  [/QQBrowser\//, 'QQ Browser', 'qq'],
  [/EdgA?\//, 'Edge', 'edge'],
  [/(Chrome|CriOS)\//, 'Chrome', 'chrome'],
  [/(Firefox|FxiOS)\//, 'Firefox', 'firefox'],
  [/Safari\//, 'Safari', 'safari'],
] as const

/** Stored when no device is recognised; with no browser either, the name is this and the id. */
const UNKNOWN_DEVICE = 'Browser'

export type DeviceKey = (typeof DEVICES)[number][2]
export type BrowserKey = (typeof BROWSERS)[number][2]

type Entry<K> = readonly [RegExp, string, K]
const first = <K>(list: readonly Entry<K>[], ua: string) => list.find(([re]) => re.test(ua))

export function deviceLabel(userAgent: string | null | undefined, shortId: string): string {
  const ua = userAgent ?? ''
  const device = first(DEVICES, ua)?.[1] ?? UNKNOWN_DEVICE
  const browser = first(BROWSERS, ua)?.[1]
  return `${browser ? `${device} · ${browser}` : device} #${shortId.slice(0, 4)}`
}

export interface DeviceLabelParts {
  /** null: not recognised (stored as "Browser"). */
  device: DeviceKey | null
  browser: BrowserKey | null
  shortId: string
}

const byLabel = <K>(list: readonly Entry<K>[], label: string) =>
  list.find(([, l]) => l === label)?.[2]

/** The parts of an automatic name, or null for any other name (one a manager typed). */
export function parseDeviceLabel(name: string): DeviceLabelParts | null {
  const m = /^(.+?)(?: · (.+))? #([0-9a-z]{4})$/.exec(name)
  if (!m) return null
  const [, deviceLabel, browserLabel, shortId] = m
  const device = deviceLabel === UNKNOWN_DEVICE ? null : byLabel(DEVICES, deviceLabel!)
  const browser = browserLabel === undefined ? null : byLabel(BROWSERS, browserLabel)
  if (device === undefined || browser === undefined) return null
  return { device, browser, shortId: shortId! }
}

/** The words an automatic name is shown in: the page's language. */
export interface DeviceWords {
  /** What the thing is to the shop ("平板"), leading the name so it never reads as English alone. */
  tablet: string
  device(key: DeviceKey): string
  browser(key: BrowserKey): string
}

/** A tablet's name as the staff read it: an automatic one in their words, any other as stored. */
export function deviceLabelInWords(name: string, words: DeviceWords): string {
  const parts = parseDeviceLabel(name)
  if (!parts) return name
  const shown = [
    words.tablet,
    parts.device && words.device(parts.device),
    parts.browser && words.browser(parts.browser),
  ].filter(Boolean)
  return `${shown.join(' · ')} #${parts.shortId}`
}

/*
 * A readable default name for a freshly paired tablet, from its browser's user agent, e.g.
 * "iPad · Safari #3f2a". The manager sees it in the tablet list; the short id tells two alike apart.
 * First match wins in each list, so the more specific patterns come first.
 */

const DEVICES: [RegExp, string][] = [
  [/iPad/, 'iPad'],
  [/iPhone/, 'iPhone'],
  [/Android.*Mobile/, 'Android phone'],
  [/Android/, 'Android tablet'],
  [/Windows/, 'Windows'],
  // iPadOS asks for the desktop site and says "Macintosh": from the header alone they look alike.
  [/Macintosh/, 'Mac / iPad'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
]

const BROWSERS: [RegExp, string][] = [
  [/MicroMessenger\//, 'WeChat'],
  [/HuaweiBrowser\//, 'Huawei Browser'],
  [/MiuiBrowser\//, 'MIUI Browser'],
  [/UCBrowser\//, 'UC'],
  [/QQBrowser\//, 'QQ Browser'],
  [/EdgA?\//, 'Edge'],
  [/(Chrome|CriOS)\//, 'Chrome'],
  [/(Firefox|FxiOS)\//, 'Firefox'],
  [/Safari\//, 'Safari'],
]

const first = (list: [RegExp, string][], ua: string) => list.find(([re]) => re.test(ua))?.[1]

export function deviceLabel(userAgent: string | null | undefined, shortId: string): string {
  const ua = userAgent ?? ''
  const device = first(DEVICES, ua) ?? 'Browser'
  const browser = first(BROWSERS, ua)
  return `${browser ? `${device} · ${browser}` : device} #${shortId.slice(0, 4)}`
}

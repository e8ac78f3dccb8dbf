import { describe, expect, it } from 'vitest'
import { deviceLabel, deviceLabelInWords, parseDeviceLabel, type DeviceWords } from './device-label'

describe('a new tablet’s default name', () => {
  it.each([
    [
      'Mozilla/5.0 (iPad; CPU OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
      'iPad · Safari #abcd',
    ],
    [
      'Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      'Android tablet · Chrome #abcd',
    ],
    [
      'Mozilla/5.0 (Linux; Android 12; HarmonyOS; BAH3-W09) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0 HuaweiBrowser/13.0 Safari/537.36',
      'Android tablet · Huawei Browser #abcd',
    ],
    ['curl/8.0', 'Browser #abcd'],
    [null, 'Browser #abcd'],
  ])('%s', (ua, name) => {
    expect(deviceLabel(ua, 'abcdef-0123')).toBe(name)
  })
})

// Words that show what was looked up, as the Chinese pages' words would replace them.
const zh: DeviceWords = {
  tablet: '平板',
  device: (key) => ({ androidTablet: '安卓', linux: 'Linux' })[key as string] ?? `<${key}>`,
  browser: (key) => ({ huawei: '华为浏览器', chrome: 'Chrome' })[key as string] ?? `<${key}>`,
}

describe('a tablet’s name in the reader’s words', () => {
  it('reads the parts back from every name deviceLabel makes (stored before or after)', () => {
    expect(parseDeviceLabel('Linux · Chrome #88c8')).toEqual({
      device: 'linux',
      browser: 'chrome',
      shortId: '88c8',
    })
    expect(parseDeviceLabel('Mac / iPad · Safari #3f2a')).toEqual({
      device: 'mac',
      browser: 'safari',
      shortId: '3f2a',
    })
    expect(parseDeviceLabel('Android phone #0a1b')).toMatchObject({ device: 'androidPhone' })
    expect(parseDeviceLabel('Browser #abcd')).toEqual({
      device: null,
      browser: null,
      shortId: 'abcd',
    })
  })

  it('shows an automatic name in the page’s words, keeping device, browser and id', () => {
    expect(deviceLabelInWords('Linux · Chrome #88c8', zh)).toBe('平板 · Linux · Chrome #88c8')
    expect(deviceLabelInWords('Android tablet · Huawei Browser #abcd', zh)).toBe(
      '平板 · 安卓 · 华为浏览器 #abcd',
    )
    expect(deviceLabelInWords('Browser · Chrome #88c8', zh)).toBe('平板 · Chrome #88c8')
    expect(deviceLabelInWords('Browser #abcd', zh)).toBe('平板 #abcd')
  })

  it('shows a name a person typed as typed, even one that looks a little like ours', () => {
    for (const name of ['柜台左侧平板', 'Linux · Chrome', 'Kiosk · Chrome #88c8', 'Linux #88c8x']) {
      expect(parseDeviceLabel(name)).toBeNull()
      expect(deviceLabelInWords(name, zh)).toBe(name)
    }
  })
})

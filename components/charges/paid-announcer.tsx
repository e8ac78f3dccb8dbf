'use client'

import { useEffect, useRef, useSyncExternalStore } from 'react'
import { useTranslations } from 'next-intl'

const KEY = 'cashier.speakPaid'

function subscribe(cb: () => void) {
  window.addEventListener('storage', cb)
  return () => window.removeEventListener('storage', cb)
}

/** Per-device switch for the spoken line; the chime always plays. */
export function useSpeakSetting(defaultOn: boolean): [boolean, (on: boolean) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => localStorage.getItem(KEY),
    () => null,
  )
  const on = value === null ? defaultOn : value === '1'
  const set = (next: boolean) => {
    localStorage.setItem(KEY, next ? '1' : '0')
    window.dispatchEvent(new StorageEvent('storage', { key: KEY }))
  }
  return [on, set]
}

function chime() {
  try {
    const ctx = new AudioContext()
    const notes = [880, 1318.5]
    notes.forEach((freq, i) => {
      const osc = ctx.createOscillator()
      const gain = ctx.createGain()
      osc.frequency.value = freq
      osc.type = 'sine'
      const start = ctx.currentTime + i * 0.18
      gain.gain.setValueAtTime(0.0001, start)
      gain.gain.exponentialRampToValueAtTime(0.3, start + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.5)
      osc.connect(gain).connect(ctx.destination)
      osc.start(start)
      osc.stop(start + 0.55)
    })
  } catch {
    // No audio device (or autoplay blocked): the screen still says it plainly.
  }
}

/** Plays the chime and, when switched on, speaks the line — once per charge reaching paid. */
export function PaidAnnouncer({
  paid,
  line,
  speak,
  lang,
}: {
  paid: boolean
  line: string
  speak: boolean
  lang: string
}) {
  const done = useRef(false)
  useEffect(() => {
    if (!paid || done.current) return
    done.current = true
    chime()
    if (speak && 'speechSynthesis' in window) {
      const u = new SpeechSynthesisUtterance(line)
      u.lang = lang
      window.speechSynthesis.speak(u)
    }
  }, [paid, line, speak, lang])
  return null
}

/**
 * The charge screen's voice: the chime and spoken line when the charge is paid, and the device's
 * switch for the spoken line beneath the actions. A part of its own (screen-parts.tsx).
 */
export function SpeakPaid({
  paid,
  line,
  lang,
  speakByDefault,
}: {
  paid: boolean
  line: string
  lang: string
  speakByDefault: boolean
}) {
  const t = useTranslations('charge')
  const [speak, setSpeak] = useSpeakSetting(speakByDefault)
  return (
    <label className="flex min-h-11 items-center gap-3 text-gray-600">
      <PaidAnnouncer paid={paid} speak={speak} lang={lang} line={line} />
      <input
        type="checkbox"
        checked={speak}
        onChange={(e) => setSpeak(e.target.checked)}
        className="h-5 w-5"
      />
      {t('speak')}
    </label>
  )
}

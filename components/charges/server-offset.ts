'use client'

import { useState } from 'react'

/**
 * The server's clock minus this device's, taken once from `serverNow` (the time the server stamped
 * on the page), so the seconds shown do not jump with each later view's stamp. A module of its own:
 * the charge screen takes it in its first load, and the countdown that reads it comes later.
 */
export function useServerOffset(serverNow: number): number {
  const [offset] = useState(() => serverNow - Date.now())
  return offset
}

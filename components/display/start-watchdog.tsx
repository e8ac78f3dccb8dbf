/**
 * The customer screen marks itself started (its scripts run) with `data-connection` on
 * `[data-testid=display-status]`: how its state arrives, `live | polling | offline`. The server's
 * HTML has no such mark; its presence is what this watchdog, kiosk scripts and tests look for.
 */
export const STARTED_SELECTOR = '[data-testid=display-status][data-connection]'

/** Time after the page's load event before a page that has not started is looked at again. */
const CHECK_EVERY_MS = 5_000

/*
 * The tablet runs unattended for days. If its network drops while it loads the page (Wi-Fi
 * roaming, a router restart), the server's HTML is on screen but its scripts failed: nothing polls,
 * nothing reconnects, and the screen would stay frozen until someone walks over. This script, inline
 * in that HTML (so it needs none of the failed files), waits until the browser has tried every
 * script (the load event), then every few seconds: if the screen still has not started and the
 * server answers again, the page reloads itself. It never reloads while the server is unreachable
 * (that would trade a frozen screen for the browser's error page) and does nothing once started.
 */
const SOURCE = `(function () {
  var started = function () { return !!document.querySelector(${JSON.stringify(STARTED_SELECTOR)}) }
  var check = function () {
    if (started()) return
    fetch('/api/display/state', { cache: 'no-store' }).then(
      function (res) { if (started()) return; if (res.status < 500) location.reload(); else later() },
      later
    )
  }
  var later = function () { setTimeout(check, ${CHECK_EVERY_MS}) }
  if (document.readyState === 'complete') later()
  else addEventListener('load', later, { once: true })
})()`

/** The tablet's self-restart for a page whose scripts never arrived (CSP: the page's nonce). */
export function StartWatchdog({ nonce }: { nonce: string | undefined }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: SOURCE }} />
}

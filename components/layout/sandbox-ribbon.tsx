/**
 * Says, on every screen, that the cashier is running against the DMS sandbox: the QR codes are fake
 * and nothing is really paid. Shown only in sandbox mode (DMS_SANDBOX=1); the layouts decide.
 * `overlay` for the customer tablet, whose screen is fixed full size: the ribbon floats on top.
 */
export function SandboxRibbon({ text, overlay = false }: { text: string; overlay?: boolean }) {
  return (
    <div
      data-testid="sandbox-ribbon"
      role="note"
      className={`${overlay ? 'pointer-events-none absolute inset-x-0 top-0 z-50' : ''} bg-amber-400 px-4 py-1 text-center text-sm font-semibold text-amber-950`}
    >
      {text}
    </div>
  )
}

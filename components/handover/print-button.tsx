'use client'

/** Opens the browser's print dialog; the page's print styles pick A4 or the 80 mm roll. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      data-testid="handover-print"
      onClick={() => window.print()}
      className="min-h-11 rounded-xl px-5 font-semibold text-accent ring-1 ring-accent hover:bg-blue-50 print:hidden"
    >
      {label}
    </button>
  )
}

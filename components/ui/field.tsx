/*
 * The pieces of a form: a control's look, a field (label, control, the line under it) and a form's
 * outcome. Every form of the app uses these, so every control is the same 44 px high and every
 * error reads the same way.
 */

/** A text input or select; `control` fills its column, `controlBase` takes a width from the caller. */
export const controlBase =
  'h-11 rounded-lg border border-gray-300 bg-white px-3 focus:border-accent aria-[invalid=true]:border-status-failed disabled:bg-gray-100'

export const control = `${controlBase} w-full`

/**
 * Label, control and the line under it: the field's error when there is one, else a warning about
 * the stored value, else its hint.
 * The control itself sets `aria-describedby={`${id}-help`}` and `aria-invalid`.
 */
export function Field({
  id,
  name,
  label,
  hint,
  error,
  warning,
  children,
}: {
  id: string
  name: string
  label: string
  hint?: string
  error?: string | null
  warning?: string | null
  children: React.ReactNode
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      {children}
      <p id={`${id}-help`} aria-live="polite" className="mt-1 min-h-5 text-sm">
        {error ? (
          <span className="text-status-failed" data-testid={`field-error-${name}`}>
            {error}
          </span>
        ) : warning ? (
          <span className="text-amber-800" data-testid={`field-warning-${name}`}>
            {warning}
          </span>
        ) : hint ? (
          <span className="text-gray-500">{hint}</span>
        ) : null}
      </p>
    </div>
  )
}

const TONES = {
  error: 'bg-red-50 text-status-failed',
  success: 'bg-green-50 text-green-800',
  warning: 'bg-amber-50 text-amber-900',
} as const

/**
 * A form's outcome. The live region is always rendered, so a screen reader announces the text when it
 * appears rather than missing a region that was inserted together with its content.
 */
export function FormMessage({
  tone,
  text,
  testId,
  className = '',
  inGroup = false,
}: {
  tone: keyof typeof TONES
  text: string | null | undefined
  testId?: string
  /** For the text when shown (e.g. a margin): an empty region takes no space. */
  className?: string
  /**
   * The region is an item of a group spaced by its parent (`gap`, `space-y`), which spaces an empty
   * item too: empty, it leaves the flow (absolute, still in the accessibility tree, unlike hidden).
   * 'row': an item of a wrapping row of buttons (flex-wrap with a gap), shown on a row of its own.
   */
  inGroup?: boolean | 'row'
}) {
  // Chinese breaks only after its punctuation (keep-all; 页面已更|新 at 390 px), and a run too long
  // for the line (an address) still breaks rather than overflow.
  return (
    <div
      aria-live={tone === 'error' ? 'assertive' : 'polite'}
      className={
        inGroup === 'row' ? 'basis-full empty:absolute' : inGroup ? 'empty:absolute' : undefined
      }
    >
      {text ? (
        <p
          data-testid={testId}
          data-tone={tone}
          className={`rounded-lg p-3 text-sm break-keep wrap-anywhere ${TONES[tone]} ${className}`}
        >
          {text}
        </p>
      ) : null}
    </div>
  )
}

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
}: {
  tone: keyof typeof TONES
  text: string | null | undefined
  testId?: string
  /** For the text when shown (e.g. a margin): an empty region takes no space. */
  className?: string
}) {
  return (
    <div aria-live={tone === 'error' ? 'assertive' : 'polite'}>
      {text ? (
        <p
          data-testid={testId}
          data-tone={tone}
          className={`rounded-lg p-3 text-sm ${TONES[tone]} ${className}`}
        >
          {text}
        </p>
      ) : null}
    </div>
  )
}

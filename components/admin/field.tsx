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

'use client'

import { useFormStatus } from 'react-dom'
import { buttonClass, type ButtonVariant } from './button'

/** A form's submit button: disabled while the form is being sent, with the pending label. */
export function SubmitButton({
  label,
  pendingLabel,
  variant = 'primary',
  className,
  testId,
}: {
  label: string
  pendingLabel: string
  variant?: ButtonVariant
  /** Width or spacing only (see button.tsx). */
  className?: string
  testId?: string
}) {
  const { pending } = useFormStatus()
  const look = buttonClass(variant)
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      data-testid={testId}
      className={className ? `${look} ${className}` : look}
    >
      {pending ? pendingLabel : label}
    </button>
  )
}

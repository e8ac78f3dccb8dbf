'use client'

import { useFormStatus } from 'react-dom'
import { primaryButton } from './styles'

/** A form's submit button: disabled while the form is being sent, with the pending label. */
export function SubmitButton({
  label,
  pendingLabel,
  className = primaryButton,
  testId,
}: {
  label: string
  pendingLabel: string
  className?: string
  testId?: string
}) {
  const { pending } = useFormStatus()
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      data-testid={testId}
      className={className}
    >
      {pending ? pendingLabel : label}
    </button>
  )
}

export type UserErrorCode =
  | 'duplicate_username'
  | 'unknown_user'
  | 'invalid_input'
  | 'last_admin'
  | 'self_disable'
  | 'self_role'

/** A refused user-management request. `message` is safe to show; `code` is for translations. */
export class UserError extends Error {
  override readonly name = 'UserError'

  constructor(
    readonly code: UserErrorCode,
    message: string,
  ) {
    super(message)
  }
}

export type StationErrorCode = 'duplicate_name' | 'unknown_station' | 'invalid_input'

/** A refused station change. `message` is safe to show; `code` is for translations. */
export class StationError extends Error {
  override readonly name = 'StationError'

  constructor(
    readonly code: StationErrorCode,
    message: string,
  ) {
    super(message)
  }
}

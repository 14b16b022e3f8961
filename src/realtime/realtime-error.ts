/**
 * An error frame of Appwrite's realtime protocol: `{"type":"error","data":{"code","message"}}`. Codes are
 * WebSocket close codes (1003 bad message, 1008 policy violation, 1013 rate limit) or HTTP statuses (401).
 * @note Appwrite closes the socket after an error only for 1008, and always after an error at open.
 */
export class RealtimeError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message)
    this.name = 'RealtimeError'
  }

  /** 1003 `REALTIME_MESSAGE_FORMAT_INVALID`: a bad frame, payload, query or session. */
  static invalidMessage(message: string): RealtimeError {
    return new RealtimeError(1003, message)
  }

  /** 1008 `REALTIME_POLICY_VIOLATION`: the socket is closed after it. */
  static policyViolation(message: string): RealtimeError {
    return new RealtimeError(1008, message)
  }

  /** 1013 `REALTIME_TOO_MANY_MESSAGES`. */
  static tooManyMessages(message: string): RealtimeError {
    return new RealtimeError(1013, message)
  }

  /** What Appwrite sends, in production, for an exception it did not expect (code 0 or 5xx). */
  static serverError(code = 0): RealtimeError {
    return new RealtimeError(code, 'Error: Server Error')
  }
}

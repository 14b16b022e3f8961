/** Appwrite's datetime format: `2026-08-21T12:42:57.123+00:00` (always UTC, milliseconds). */
export const formatDate = (date: Date | number): string =>
  new Date(date).toISOString().replace('Z', '+00:00')

export const addSeconds = (date: Date, seconds: number): Date => new Date(date.getTime() + seconds * 1000)

/** The response format this engine speaks natively: what `appwrite@27` sends in `X-Appwrite-Response-Format`. */
export const CURRENT_FORMAT = '2.0.0'

/** The Appwrite server version offwrite reports in error envelopes and headers. */
export const SERVER_VERSION = '1.9.6'

/** Compares dotted versions numerically: -1, 0 or 1. */
export const compareVersions = (a: string, b: string): number => {
  const pa = a.split('.').map((n) => Number.parseInt(n, 10) || 0)
  const pb = b.split('.').map((n) => Number.parseInt(n, 10) || 0)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d < 0 ? -1 : 1
  }
  return 0
}

/** Reads `X-Appwrite-Response-Format`; requests without it get the current format, as in Appwrite. */
export const readFormat = (header: string | null): string =>
  header && /^\d+\.\d+(\.\d+)?/.test(header) ? header : CURRENT_FORMAT

import type { Page } from 'playwright-core'

export interface Timing {
  p50: number
  p95: number
  n: number
}

/** p50 and p95 of a list of durations in milliseconds. */
export const percentiles = (samples: number[]): Timing => {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return { p50: at(0.5), p95: at(0.95), n: sorted.length }
}

/**
 * Durations (ms) of `runs` runs of `source` (a function body run in the page, awaited), after `warmup` untimed
 * runs. The code runs as text in the page: it may use only `window` globals.
 */
export const samplesInPage = (page: Page, source: string, runs: number, warmup: number): Promise<number[]> =>
  page.evaluate(
    async ({ source, runs, warmup }) => {
      // The step is bench code sent as text (page.evaluate cannot carry a closure).
      const step = new Function(`return (async () => { ${source} })()`) as () => Promise<unknown>
      for (let i = 0; i < warmup; i++) await step()
      const out: number[] = []
      for (let i = 0; i < runs; i++) {
        const start = performance.now()
        await step()
        out.push(performance.now() - start)
      }
      return out
    },
    { source, runs, warmup },
  )

/** p50/p95 of `source` run in the page (see `samplesInPage`). */
export const timeInPage = async (page: Page, source: string, runs = 300, warmup = 30): Promise<Timing> =>
  percentiles(await samplesInPage(page, source, runs, warmup))

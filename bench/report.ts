import type { Timing } from './measure.js'

export interface Row {
  /** What was measured. */
  label: string
  timing?: Timing
  /** A throughput or other figure, already formatted. */
  figure?: string
}

export interface SuiteResult {
  title: string
  rows: Row[]
  /** The target and whether this run met it, in words. */
  verdict: string
}

const ms = (n: number) => `${n.toFixed(2)} ms`

export const printSuite = (result: SuiteResult): void => {
  console.log(`\n## ${result.title}\n`)
  console.log('| measured | p50 | p95 | figure |')
  console.log('| --- | --- | --- | --- |')
  for (const row of result.rows) {
    const t = row.timing
    console.log(`| ${row.label} | ${t ? ms(t.p50) : ''} | ${t ? ms(t.p95) : ''} | ${row.figure ?? (t ? `n=${t.n}` : '')} |`)
  }
  console.log(`\n${result.verdict}`)
}

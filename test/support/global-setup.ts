import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const INPUTS = ['src', 'worker', 'test/support/harness-page.ts', 'scripts/build.mjs', 'package.json']

const newest = (path: string): number => {
  const stat = statSync(path, { throwIfNoEntry: false })
  if (!stat) return 0
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))))
}

/**
 * Browser tests run against `.test-build/`. `npm test` builds it first; when vitest is started by itself
 * (`npx vitest run --project browser`), rebuild it here if any source is newer.
 */
export default function setup(): void {
  const built = newest(join(root, '.test-build/build-id.txt'))
  const sources = Math.max(...INPUTS.map((input) => newest(join(root, input))))
  if (built >= sources) return
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--test'], { cwd: root, stdio: 'inherit' })
}

#!/usr/bin/env node
// offwrite's command line. `offwrite init <publicDir>` copies the service worker into the folder the app
// serves at its root, as `msw init` does; run it again after every upgrade (the page refuses a stale worker).
import { copyFile, mkdir, stat } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const dist = fileURLToPath(new URL('../dist/', import.meta.url))
const FILES = ['offwrite-sw.js', 'offwrite-sw.js.map']

const usage = `Usage: offwrite init <publicDir>
       offwrite serve [--port 8080] [--data DIR] [--help]

  init copies offwrite-sw.js into <publicDir> (the folder your dev server serves at /),
  so the page can register it at /offwrite-sw.js.`

const exists = (path) => stat(path).then(() => true, () => false)

const init = async (publicDir) => {
  if (!publicDir) throw new Error(`missing <publicDir>\n\n${usage}`)
  if (!(await exists(join(dist, FILES[0])))) {
    throw new Error(`${join(dist, FILES[0])} does not exist; build offwrite first (npm run build)`)
  }
  const target = resolve(publicDir)
  await mkdir(target, { recursive: true })
  for (const file of FILES) {
    if (await exists(join(dist, file))) await copyFile(join(dist, file), join(target, file))
  }
  const shown = relative(process.cwd(), target)
  console.log(`[offwrite] copied offwrite-sw.js into ${shown.startsWith('..') ? target : shown || '.'}/`)
}

const [command, ...args] = process.argv.slice(2)
try {
  if (command === 'init') await init(args[0])
  // The emulator as an HTTP server for server SDKs and curl (src/node/cli-serve.ts).
  else if (command === 'serve') await (await import('../dist/node.js')).runServeCli(args)
  else if (!command || command === 'help' || command === '--help' || command === '-h') console.log(usage)
  else throw new Error(`unknown command "${command}"\n\n${usage}`)
} catch (error) {
  console.error(`[offwrite] ${error.message}`)
  process.exit(1)
}

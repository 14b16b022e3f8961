import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { type OffwriteServer, type ServeOptions, serve } from './serve.js'

export const SERVE_USAGE = `Usage: offwrite serve [options]

  Runs the Appwrite emulator as an HTTP server with the realtime WebSocket, for server SDKs
  (node-appwrite, any Appwrite SDK) and curl. Point the SDK at the printed endpoint.

  --port <n>        port (default 8080; 0 picks a free one)
  --host <addr>     address to listen on (default 127.0.0.1)
  --data <dir>      load projects from <dir> at start and save them there after every write
  --project <id>    serve only this project (repeatable); without it any project id is accepted
  --key <secret>    accept this API key with every scope (repeatable); without it any key works
  --seed <file>     seed from a JSON file: an Appwrite project file, with the data under "data"
                    (a project loaded from --data is not seeded again)
  --clock <iso>     fix the clock, e.g. 2030-01-01T00:00:00.000Z
  --id-prefix <p>   server-made IDs become <p>000001, <p>000002, …

  Admin API: POST /_offwrite/<projectId>/reset | seed | import | act-as | clock | ids | clear-requests,
             GET /_offwrite/<projectId>/export | requests | outbox  (docs/testing.md)`

/** Reads `offwrite serve` arguments into serve options. */
export const parseServeArgs = async (args: string[]): Promise<ServeOptions> => {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      project: { type: 'string', multiple: true },
      key: { type: 'string', multiple: true },
      seed: { type: 'string' },
      clock: { type: 'string' },
      'id-prefix': { type: 'string' },
    },
    strict: true,
  })
  const port = values.port === undefined ? 8080 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port "${values.port}"`)
  return {
    port,
    host: values.host,
    data: values.data,
    projects: values.project,
    apiKeys: values.key,
    seed: values.seed ? JSON.parse(await readFile(values.seed, 'utf8')) : undefined,
    clock: values.clock,
    idPrefix: values['id-prefix'],
  }
}

/** `offwrite serve`: starts the server, prints the endpoint, saves and stops on Ctrl-C. */
export const runServeCli = async (args: string[], log: (line: string) => void = console.log): Promise<OffwriteServer> => {
  if (args.includes('--help') || args.includes('-h')) {
    log(SERVE_USAGE)
    process.exit(0)
  }
  const options = await parseServeArgs(args)
  const server = await serve(options)
  const projects = options.projects?.length ? options.projects.join(', ') : 'any id'
  log(`[offwrite] serving ${server.endpoint} (projects: ${projects}${options.data ? `, data: ${options.data}` : ''})`)
  const stop = () => void server.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return server
}

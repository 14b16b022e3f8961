import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type ProjectAdmin, type ProjectExport, isProjectExport } from '../admin/index.js'

const SUFFIX = '.offwrite.json'

/** The project exports kept in `dir` (`<projectId>.offwrite.json`), read at start. */
export const readDataDir = async (dir: string): Promise<ProjectExport[]> => {
  await mkdir(dir, { recursive: true })
  const found: ProjectExport[] = []
  for (const name of await readdir(dir)) {
    if (!name.endsWith(SUFFIX)) continue
    const data: unknown = JSON.parse(await readFile(join(dir, name), 'utf8'))
    if (isProjectExport(data)) found.push({ ...data, projectId: name.slice(0, -SUFFIX.length) })
  }
  return found
}

/** Writes a project's export atomically (a crash mid-write leaves the previous file). */
export const saveProject = async (dir: string, admin: ProjectAdmin): Promise<void> => {
  const data = await admin.export()
  const file = join(dir, `${admin.projectId}${SUFFIX}`)
  await writeFile(`${file}.tmp`, JSON.stringify(data))
  await rename(`${file}.tmp`, file)
}

/**
 * Saves every project a short while after the last write (writes come in bursts), and on demand. Saves never
 * overlap: a write during a save schedules another.
 */
export class DataDirSaver {
  #timer: ReturnType<typeof setTimeout> | null = null
  #saving: Promise<void> = Promise.resolve()

  constructor(
    private readonly dir: string,
    private readonly projects: () => ProjectAdmin[],
    private readonly delayMs = 100,
  ) {}

  schedule = (): void => {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = setTimeout(() => {
      this.#timer = null
      void this.flush().catch((error) => console.error('[offwrite] could not save the data folder', error))
    }, this.delayMs)
  }

  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    const save = async () => {
      for (const admin of this.projects()) await saveProject(this.dir, admin)
    }
    this.#saving = this.#saving.then(save, save)
    return this.#saving
  }
}

import type { ProjectSettings } from '../engine/index.js'
import { ProjectRegistry } from '../engine/projects.js'
import type { IndexedDbPlatform } from '../store/platform.js'

/**
 * The project's settings as registered, read from the engine's project list (fresh each time: a page may
 * have re-configured the project since).
 */
export const readProjectSettings = async (
  platform: IndexedDbPlatform,
  prefix: string,
  projectId: string,
): Promise<ProjectSettings | null> => {
  const registry = new ProjectRegistry(platform, prefix)
  try {
    const project = (await registry.list()).find((p) => p.id === projectId)
    return project?.settings ?? null
  } finally {
    registry.close()
  }
}

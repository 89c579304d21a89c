import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) return from
  }
}

/** The project's root folder (holding package.json), from source or from a build. */
export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)))

/** The bundled story's articles. */
export const defaultSeedsDir = join(projectRoot, 'seeds')

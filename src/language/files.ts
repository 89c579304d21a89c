import { join } from 'node:path'
import { projectRoot } from '../paths.js'

/** Where the packed language resources live (made by `npm ci` through `src/language/pack.ts`). */
export const LANGUAGE_DIR = join(projectRoot, 'data', 'language')

export const LANGUAGE_FILES = {
  vocabulary: join(LANGUAGE_DIR, 'vocabulary.txt'),
  codes: join(LANGUAGE_DIR, 'vectors.i8'),
  scales: join(LANGUAGE_DIR, 'scales.f32'),
  wordnet: join(LANGUAGE_DIR, 'wordnet.json'),
  /** The packing's format number: files of another format are packed again. */
  format: join(LANGUAGE_DIR, 'format.txt'),
}

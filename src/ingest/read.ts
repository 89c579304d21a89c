import { readFile } from 'node:fs/promises'

/** Thrown when a seed file cannot be used; the message names the file and says why. */
export class SeedFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`)
    this.name = 'SeedFileError'
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Decodes a saved page as strict UTF-8, keeping every character (a BOM included) so that
 * offsets into the returned string address the file exactly.
 * Empty, binary (NUL bytes) and non-UTF-8 files are rejected with a SeedFileError.
 */
export function decodeArticleText(file: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new SeedFileError(file, 'the file is empty')
  if (bytes.includes(0)) throw new SeedFileError(file, 'the file looks binary (it contains NUL bytes), not saved page text')
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    throw new SeedFileError(file, 'the file is not valid UTF-8 text; re-save it as UTF-8')
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new SeedFileError(file, 'the file holds only white space')
  return text
}

/** Reads and decodes one article file (see decodeArticleText). */
export async function readArticleFile(path: string, file: string): Promise<string> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw new SeedFileError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  return decodeArticleText(file, bytes)
}

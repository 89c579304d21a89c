import { existsSync, readFileSync } from 'node:fs'
import { LANGUAGE_FILES } from './files.js'

/** GloVe word vectors as packed by `pack.ts`: unit vectors quantised to int8, one scale per word. */
export class WordVectors {
  private constructor(
    private readonly rows: Map<string, number>,
    private readonly dimensions: number,
    private readonly codes: Int8Array,
    private readonly scales: Float32Array,
  ) {}

  /** Loads the packed files; throws one clear line when they are missing. */
  static load(files = LANGUAGE_FILES): WordVectors {
    if (!existsSync(files.vocabulary) || !existsSync(files.codes)) {
      throw new Error(`language resources are missing (${files.vocabulary}): run "npm run prepare" to build them`)
    }
    const lines = readFileSync(files.vocabulary, 'utf8').split('\n')
    const dimensions = Number(lines[0])
    const rows = new Map<string, number>()
    for (let i = 1; i < lines.length; i++) {
      const word = lines[i]
      if (word) rows.set(word, i - 1)
    }
    const codes = readFileSync(files.codes)
    const scales = readFileSync(files.scales)
    return new WordVectors(
      rows,
      dimensions,
      new Int8Array(codes.buffer, codes.byteOffset, codes.byteLength),
      new Float32Array(scales.buffer.slice(scales.byteOffset, scales.byteOffset + scales.byteLength)),
    )
  }

  /** Whether the word has a vector. */
  has(word: string): boolean {
    return this.rows.has(word)
  }

  /** How common the word is in English news, 0 (the most frequent) to 1 (rare or unknown). */
  rarity(word: string): number {
    const row = this.rows.get(word)
    return row === undefined ? 1 : Math.log(row + 2) / Math.log(this.rows.size + 2)
  }

  /** Cosine similarity of two words, or null when either has no vector. */
  cosine(a: string, b: string): number | null {
    const i = this.rows.get(a)
    const j = this.rows.get(b)
    if (i === undefined || j === undefined) return null
    const { codes, dimensions } = this
    let dot = 0
    // Rows i and j are within the codes and scales (both packed from the same vocabulary).
    for (let k = 0, x = i * dimensions, y = j * dimensions; k < dimensions; k++) {
      const p = codes[x + k] ?? 0
      const q = codes[y + k] ?? 0
      dot += p * q
    }
    return dot * (this.scales[i] ?? 0) * (this.scales[j] ?? 0)
  }
}

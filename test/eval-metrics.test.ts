import { describe, expect, it } from 'vitest'
import { holdsNoise } from '../src/eval/metrics.js'
import type { Article } from '../src/ingest/types.js'

const article = {
  removed: [
    { text: 'Higher Ed Dispatch', rule: 'headline' },
    { text: 'Read next: The quiet rise of the image sleuths', rule: 'fragment' },
  ],
} as unknown as Article

describe('page noise in a passage (eval)', () => {
  it('counts a removed line only where it stands as a line of its own, not the site’s name inside a sentence', () => {
    expect(holdsNoise('"Five months is a long time," he told Higher Ed Dispatch.', article)).toBe(false)
    expect(holdsNoise('Higher Ed Dispatch The trustees voted unanimously.', article)).toBe(true)
    expect(holdsNoise('The trustees voted. Read next: The quiet rise of the image sleuths', article)).toBe(true)
    expect(holdsNoise('Subscribe to our newsletter', undefined)).toBe(false)
  })
})

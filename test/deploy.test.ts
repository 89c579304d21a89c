import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { projectRoot } from '../src/paths.js'

interface Option {
  name: string
  description: string
  type: number
  options?: Option[]
  required?: boolean
  autocomplete?: boolean
  max_length?: number
}
interface Command {
  name: string
  type?: number
  description: string
  options?: Option[]
  default_member_permissions?: string | null
}

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u

function checkOption(option: Option, path: string): void {
  expect(option.name, path).toMatch(NAME)
  expect(option.name, path).toBe(option.name.toLowerCase())
  expect(option.description.length, path).toBeGreaterThan(0)
  expect(option.description.length, path).toBeLessThanOrEqual(100)
  expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], path).toContain(option.type)
  for (const child of option.options ?? []) checkOption(child, `${path} ${option.name}`)
}

describe('deploy-commands --dry-run', () => {
  it('prints a valid payload for every command and touches no network', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/bot/deploy.ts', '--dry-run'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    })
    expect(result.status).toBe(0)
    const payload = JSON.parse(result.stdout) as Command[]
    expect(payload.map((command) => command.name).sort()).toEqual([
      'Find in the story',
      'ask',
      'compare',
      'config',
      'help',
      'outlets',
      'source',
      'story',
      'timeline',
      'when',
      'who',
    ])
    const [find, ...slash] = [...payload].sort((a, b) => ((a.type ?? 1) === 3 ? -1 : (b.type ?? 1) === 3 ? 1 : 0))
    expect(find).toMatchObject({ name: 'Find in the story', type: 3 })
    expect(find?.name.length).toBeLessThanOrEqual(32)
    for (const command of slash) {
      expect(command.name).toMatch(NAME)
      expect(command.description.length).toBeGreaterThan(0)
      expect(command.description.length).toBeLessThanOrEqual(100)
      expect(command.options?.length ?? 0).toBeLessThanOrEqual(25)
      for (const option of command.options ?? []) checkOption(option, command.name)
    }
    for (const moderated of ['config', 'story']) expect(payload.find((command) => command.name === moderated)?.default_member_permissions).toBe('32')
    const story = payload.find((command) => command.name === 'story')
    expect(story?.options?.map((option) => option.name)).toEqual(['add', 'fix', 'list', 'remove', 'new', 'delete', 'use'])
    const who = payload.find((command) => command.name === 'who')
    expect(who?.options?.[0]).toMatchObject({ name: 'query', type: 3, required: true, autocomplete: true })
  })

  it('explains what it needs when run for real without credentials', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/bot/deploy.ts'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('DISCORD_TOKEN and DISCORD_APPLICATION_ID')
  })
})

describe('npm start without a token', () => {
  it('says so in one line and answers slash commands typed on stdin, then exits', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/bot/main.ts'], {
      cwd: projectRoot,
      input: '/who Francis Fong\n/when us election date\n/config show\n',
      encoding: 'utf8',
      env: { PATH: process.env.PATH, DISCORD_TOKEN: '' },
    })
    expect(result.status).toBe(0)
    const lines = result.stdout.split('\n')
    expect(lines[0]).toMatch(/^No DISCORD_TOKEN set/)
    expect(result.stdout).toContain('honorary chairman of Hong Kong’s Information Technology Federation')
    expect(result.stdout).toContain('2020-11-03')
    expect(result.stdout).toContain('needs Discord')
  })

  it('reports a corrupt settings database at start-up instead of connecting', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/bot/main.ts'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, DISCORD_TOKEN: 'x', DATABASE_PATH: `${projectRoot}/package.json` },
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/settings database .*package\.json.*left untouched/)
  })
})

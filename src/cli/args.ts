/** Parsed command line: a subcommand, its words, and flags. */
export interface CliArgs {
  command: string | null
  words: string[]
  json: boolean
  help: boolean
  seeds: string | null
  /** The other declared flags that were given: `--name value` / `--name=value`, or `true` for switches. */
  flags: Map<string, string | true>
}

/** Which flags a program takes besides `--json`, `--help` and `--seeds DIR`. */
export interface ArgSpec {
  /** Flags that take a value (`--questions FILE` or `--questions=FILE`). */
  values: string[]
  /** Flags that take none (`--baseline`). */
  switches: string[]
}

/** A command line that cannot be understood; its message is one line for the person who typed it. */
export class UsageError extends Error {}

const NO_SPEC: ArgSpec = { values: [], switches: [] }

/**
 * Splits argv into subcommand, free words and flags. Unknown flags and flags missing their
 * value are errors, never silently ignored.
 */
export function parseArgs(argv: string[], spec: Partial<ArgSpec> = {}): CliArgs {
  const { values, switches } = { ...NO_SPEC, ...spec }
  const takesValue = new Set(['seeds', ...values])
  const isSwitch = new Set(['json', 'help', ...switches])
  const args: CliArgs = { command: null, words: [], json: false, help: false, seeds: null, flags: new Map() }
  const rest = argv.values()
  for (const arg of rest) {
    if (arg === '-h') {
      args.help = true
      continue
    }
    if (!arg.startsWith('--') || arg === '--') {
      if (args.command === null) args.command = arg
      else args.words.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq < 0 ? undefined : eq)
    let value: string | true = true
    if (takesValue.has(name)) {
      const given = eq < 0 ? rest.next().value : arg.slice(eq + 1)
      if (given === undefined || given === '' || (eq < 0 && given.startsWith('--')))
        throw new UsageError(`--${name} needs a value: --${name} <${name === 'seeds' ? 'folder' : 'value'}>`)
      value = given
    } else if (!isSwitch.has(name)) {
      throw new UsageError(`Unknown option --${name}. Run with --help to see the options.`)
    } else if (eq >= 0) {
      throw new UsageError(`--${name} takes no value.`)
    }
    if (name === 'json') args.json = true
    else if (name === 'help') args.help = true
    else if (name === 'seeds') args.seeds = value as string
    else args.flags.set(name, value)
  }
  return args
}

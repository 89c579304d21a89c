/** Parsed command line: a subcommand, its words, and flags. */
export interface CliArgs {
  command: string | null
  words: string[]
  json: boolean
  help: boolean
  seeds: string | null
  /** Other `--name value` / `--name` flags, for subcommands that take their own. */
  flags: Map<string, string | true>
}

/** Splits argv into subcommand, free words and flags (`--json`, `--help`/`-h`, `--seeds DIR`, `--x=y`). */
export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { command: null, words: [], json: false, help: false, seeds: null, flags: new Map() }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--json') args.json = true
    else if (arg === '--help' || arg === '-h') args.help = true
    else if (arg === '--seeds') args.seeds = argv[++i] ?? null
    else if (arg.startsWith('--') && arg.includes('=')) args.flags.set(arg.slice(2, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1))
    else if (arg.startsWith('--') && arg.length > 2) args.flags.set(arg.slice(2), true)
    else if (args.command === null) args.command = arg
    else args.words.push(arg)
  }
  return args
}

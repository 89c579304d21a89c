import pino from 'pino'

/** JSON logs on stderr; any field that could hold the token is redacted. */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2)): pino.Logger {
  return pino(
    {
      level,
      base: { app: 'byline' },
      redact: { paths: ['token', '*.token', 'config.DISCORD_TOKEN', 'DISCORD_TOKEN', 'headers.authorization'], censor: '[redacted]' },
    },
    destination,
  )
}

export type Logger = pino.Logger

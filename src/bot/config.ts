import { join } from 'node:path'
import { z } from 'zod'
import { projectRoot } from '../paths.js'

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback)
const optionalText = z.string().trim().min(1).optional().catch(undefined)
const snowflake = z
  .string()
  .trim()
  .regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)')

export const envSchema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DATABASE_PATH: z
    .string()
    .trim()
    .min(1)
    .default(join(projectRoot, 'data', 'byline.sqlite')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_MAX: positiveInt(5),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt(30),
  DISCORD_API_URL: z.url({ protocol: /^https?$/ }).default('https://discord.com/api'),
  BYLINE_SEEDS_DIR: z.string().trim().min(1).optional(),
  BYLINE_FETCH_ALLOW_PRIVATE: z
    .enum(['0', '1', 'false', 'true'], 'must be 1 (allow) or 0 (refuse, the default)')
    .default('0')
    .transform((value) => value === '1' || value === 'true'),
  BYLINE_STORY_MAX_ARTICLES: positiveInt(200),
  BYLINE_STORY_MAX_STORIES: positiveInt(10),
  BYLINE_STORY_ADDS_PER_HOUR: positiveInt(30),
})

export type BotConfig = z.infer<typeof envSchema>

/** Thrown for configuration the bot cannot start with; the message says which variable and why. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/**
 * Reads the bot's configuration from environment variables (empty values count as unset).
 * Every problem is reported at once, by variable name, without echoing secret values.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''))
  const parsed = envSchema.safeParse(present)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
  throw new ConfigError(`Invalid configuration (see .env.example):\n${problems.join('\n')}`)
}

import type { AnswerEngine } from '../answer/engine.js'
import type { StoryLibrary } from '../stories/library.js'
import type { Conversation } from './conversation.js'
import type { Logger } from './logger.js'
import type { SettingsStore } from './settings.js'

/** What a command may ask of a story's answer engine. */
export type StoryEngine = Pick<AnswerEngine, 'answer' | 'entityNames' | 'eventLabels' | 'outletName'>

/** What a command handler may use: each server's stories and their engines, guild settings, a logger. */
export interface BotContext {
  stories: Pick<StoryLibrary, 'activeName' | 'stories' | 'articles' | 'create' | 'use' | 'delete' | 'add' | 'fix' | 'remove'> & {
    /** The engine answering for a server: its active story. */
    engineFor: (guildId: string | null) => StoryEngine
  }
  settings: SettingsStore
  /** Each person's last question in each channel, for their follow-ups. */
  conversation: Conversation
  logger: Logger
}

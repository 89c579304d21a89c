import { type BaseInteraction, DiscordAPIError, RESTJSONErrorCodes } from 'discord.js'
import type { CommandModule } from './commands.js'
import type { BotContext } from './context.js'
import type { RateLimiter } from './rate-limit.js'
import { isPageButton, privateReply, showPage } from './reply.js'

/** Commands that work in any channel: they are about Byline itself, not answers. */
const EVERYWHERE = new Set(['config', 'help', 'story'])

/** Discord errors that mean the interaction can no longer be answered: expired or already answered. */
const GONE = new Set<number>([RESTJSONErrorCodes.UnknownInteraction, RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged])

/**
 * Routes an interaction to its command: autocomplete, the guild's channel list, the rate limit
 * (questions only), then the handler. Never throws: a failure is logged and the user gets a private "something went wrong".
 */
export function createInteractionHandler(commands: Map<string, CommandModule>, context: BotContext, limiter: RateLimiter) {
  return async function handle(interaction: BaseInteraction): Promise<void> {
    const started = performance.now()
    const log = { guild: interaction.guildId, channel: interaction.channelId, user: interaction.user.id }
    if (interaction.isAutocomplete()) {
      const command = commands.get(interaction.commandName)
      try {
        if (command?.autocomplete) await command.autocomplete(interaction, context)
        else await interaction.respond([])
      } catch (error) {
        context.logger.warn({ ...log, command: interaction.commandName, err: error }, 'autocomplete failed')
      }
      return
    }
    if (interaction.isButton()) {
      if (!isPageButton(interaction)) return
      try {
        await showPage(interaction, context)
      } catch (error) {
        context.logger.error({ ...log, button: interaction.customId, err: error }, 'page button failed')
        if (!(error instanceof DiscordAPIError && GONE.has(error.code as number)))
          await privateReply(interaction, 'Something went wrong while turning the page; please ask again.').catch(() => undefined)
      }
      return
    }
    if (!interaction.isChatInputCommand() && !interaction.isMessageContextMenuCommand()) return
    const command = commands.get(interaction.commandName)
    let outcome = 'answered'
    try {
      const question = command !== undefined && !EVERYWHERE.has(command.data.name)
      if (!command) {
        outcome = 'unknown command'
        await privateReply(interaction, 'Byline does not know that command any more; try /help.')
      } else if (question && interaction.guildId && !allowed(context, interaction.guildId, interaction.channelId)) {
        outcome = 'redirected'
        const channels = context.settings
          .channels(interaction.guildId)
          .map((id) => `<#${id}>`)
          .join(', ')
        await privateReply(interaction, `Byline answers in ${channels} on this server. Ask there!`)
      } else {
        // Only questions count against the rate limit: /help, /config and redirected commands cost nothing.
        const waitMs = question ? limiter.take(interaction.user.id) : 0
        if (waitMs > 0) {
          outcome = 'rate limited'
          const wait = Math.ceil(waitMs / 1000)
          await privateReply(interaction, `You are asking quickly; please wait ${wait} second${wait === 1 ? '' : 's'} and try again.`)
        } else {
          await command.execute(interaction, context)
        }
      }
    } catch (error) {
      outcome = 'error'
      context.logger.error({ ...log, command: interaction.commandName, err: error }, 'command failed')
      if (!(error instanceof DiscordAPIError && GONE.has(error.code as number))) {
        try {
          await privateReply(interaction, 'Something went wrong while answering. The error has been logged; please try again.')
        } catch (replyError) {
          context.logger.warn({ ...log, err: replyError }, 'could not send the error reply')
        }
      }
    }
    context.logger.info({ ...log, command: interaction.commandName, outcome, latencyMs: Math.round(performance.now() - started) }, 'interaction')
  }
}

function allowed(context: BotContext, guildId: string, channelId: string): boolean {
  const channels = context.settings.channels(guildId)
  return channels.length === 0 || channels.includes(channelId)
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type RawData, type WebSocket, WebSocketServer } from 'ws'

/** One REST call the bot made; its body is the parsed JSON, or null when it sent none. */
export interface RecordedRequest<Body = unknown> {
  method: string
  path: string
  authorization: string | undefined
  body: Body
}

/** An embed as the bot sends it (the fields the tests read). */
export interface Embed {
  title?: string
  description?: string
  fields?: { name: string; value: string }[]
  footer?: { text: string }
}

/** The body of an interaction callback: a message, or autocomplete choices. */
export interface InteractionCallback {
  type: number
  data: {
    content?: string
    embeds?: Embed[]
    flags?: number
    allowed_mentions?: unknown
    choices?: { name: string; value: string }[]
    components?: { components: { custom_id: string; label: string; disabled?: boolean }[] }[]
  }
}

/** What the bot sends in its gateway IDENTIFY (the fields the tests read). */
export interface Identify {
  token: string
}

/** A webhook message body: an edit of the original reply, or a follow-up. */
interface MessageBody {
  content?: string
  embeds?: unknown[]
}

export const IDS = {
  app: '100000000000000001',
  bot: '100000000000000002',
  guild: '200000000000000001',
  general: '300000000000000001',
  answers: '300000000000000002',
  alice: '400000000000000001',
  mod: '400000000000000002',
}

const MANAGE_GUILD = '32'

/**
 * A stand-in for Discord on 127.0.0.1: the REST routes the bot uses (gateway discovery,
 * interaction callbacks, webhook edits) and a gateway WebSocket speaking hello / identify /
 * ready / guild create / heartbeat, through which tests push interactions.
 */
export class FakeDiscord {
  readonly requests: RecordedRequest[] = []
  readonly identifies: Identify[] = []
  /** Interaction ids whose callback answers as Discord does for an expired interaction. */
  readonly expired = new Set<string>()
  /** When set, REST calls with another bot token are refused with 401, as Discord does. */
  acceptedToken: string | null = null
  /** Files members attached to commands, served as Discord's CDN serves them. */
  private readonly files = new Map<string, { body: Buffer; contentType: string }>()
  private readonly sockets = new Set<WebSocket>()
  private sequence = 0
  private waiters: { test: (request: RecordedRequest) => boolean; resolve: (request: RecordedRequest) => void }[] = []
  private counter = 0

  private constructor(
    private readonly server: Server,
    private readonly gateway: WebSocketServer,
  ) {}

  static async start(): Promise<FakeDiscord> {
    const server = createServer()
    const gateway = new WebSocketServer({ noServer: true })
    const fake = new FakeDiscord(server, gateway)
    server.on('request', (request, response) => void fake.onRequest(request, response))
    server.on('upgrade', (request, socket, head) => {
      gateway.handleUpgrade(request, socket, head, (ws) => {
        fake.onSocket(ws)
      })
    })
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', resolve)
    })
    return fake
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`
  }

  get connected(): number {
    return this.sockets.size
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate()
    this.gateway.close()
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve()
      })
    })
  }

  /** Resolves with the first request (already made or still to come) that passes the test. */
  waitForRequest(test: (request: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const seen = this.requests.find(test)
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error('timed out waiting for a request from the bot'))
      }, timeoutMs)
      this.waiters.push({
        test,
        resolve: (request) => {
          clearTimeout(timer)
          resolve(request)
        },
      })
    })
  }

  /** Pushes an INTERACTION_CREATE to the bot and waits for its interaction callback. */
  async interact(payload: Record<string, unknown>): Promise<RecordedRequest<InteractionCallback>> {
    this.dispatch('INTERACTION_CREATE', payload)
    const callback = await this.waitForRequest((request) => request.path.startsWith(`/api/v10/interactions/${payload.id as string}/`))
    return callback as RecordedRequest<InteractionCallback>
  }

  /** A message command ("Find in the story") used on a message with this content. */
  messageCommand(name: string, content: string, from: { channel?: string; user?: string } = {}): Record<string, unknown> {
    const base = this.command(name, [], from)
    const channel = from.channel ?? IDS.general
    const target = String(700000000000000000n + BigInt(this.counter))
    const message = chatMessage(target, channel, { id: IDS.alice, username: 'alice', discriminator: '0', avatar: null, global_name: null }, content, 0)
    return { ...base, data: { id: `cmd-${name}`, name, type: 3, target_id: target, resolved: { messages: { [target]: message } } } }
  }

  /** A click on a button of one of the bot's messages, as Discord sends it. */
  button(customId: string, from: { channel?: string; user?: string } = {}): Record<string, unknown> {
    const base = this.command('button', [], from)
    const channel = from.channel ?? IDS.general
    return {
      ...base,
      type: 3,
      data: { custom_id: customId, component_type: 2 },
      message: chatMessage(
        String(600000000000000000n + BigInt(this.counter)),
        channel,
        { id: IDS.bot, username: 'Byline', discriminator: '0', avatar: null, global_name: null, bot: true },
        '',
        20,
      ),
    }
  }

  /** A file attached to a command option: served by the stand-in at the link Discord would give; returns the attachment as the interaction carries it. */
  attach(filename: string, body: Buffer, contentType: string): Record<string, unknown> {
    const id = String(800000000000000000n + BigInt(++this.counter))
    const path = `/attachments/${id}/${encodeURIComponent(filename)}`
    this.files.set(path, { body, contentType })
    const url = `http://127.0.0.1:${this.port}${path}`
    return { id, filename, size: body.length, url, proxy_url: url, content_type: contentType }
  }

  /** A slash-command interaction from a member, in a channel (of the stand-in's server, or another). */
  command(
    name: string,
    options: unknown[],
    from: { channel?: string; user?: string; moderator?: boolean; guild?: string } = {},
    resolved?: unknown,
  ): Record<string, unknown> {
    const id = String(500000000000000000n + BigInt(++this.counter))
    const channel = from.channel ?? IDS.general
    const guildId = from.guild ?? IDS.guild
    return {
      id,
      application_id: IDS.app,
      type: 2,
      token: `token-${id}`,
      version: 1,
      guild_id: guildId,
      channel_id: channel,
      channel: { id: channel, type: 0, guild_id: guildId, name: channel === IDS.answers ? 'answers' : 'general', position: 0, permission_overwrites: [] },
      member: {
        user: {
          id: from.user ?? (from.moderator ? IDS.mod : IDS.alice),
          username: from.moderator ? 'mod' : 'alice',
          discriminator: '0',
          avatar: null,
          global_name: null,
        },
        roles: [],
        permissions: from.moderator ? MANAGE_GUILD : '0',
        joined_at: '2020-01-01T00:00:00.000Z',
        deaf: false,
        mute: false,
        flags: 0,
        nick: null,
        avatar: null,
        premium_since: null,
        pending: false,
        communication_disabled_until: null,
      },
      data: { id: `cmd-${name}`, name, type: 1, options, ...(resolved ? { resolved } : {}) },
      locale: 'en-US',
      guild_locale: 'en-US',
      app_permissions: '2147483647',
      entitlements: [],
      authorizing_integration_owners: { '0': guildId },
      context: 0,
      attachment_size_limit: 8388608,
    }
  }

  /** An autocomplete interaction with the focused option's text. */
  autocomplete(name: string, option: string, typed: string): Record<string, unknown> {
    const payload = this.command(name, [{ name: option, type: 3, value: typed, focused: true }])
    return { ...payload, type: 4 }
  }

  private dispatch(event: string, data: unknown): void {
    const message = JSON.stringify({ op: 0, t: event, s: ++this.sequence, d: data })
    for (const socket of this.sockets) socket.send(message)
  }

  private onSocket(socket: WebSocket): void {
    this.sockets.add(socket)
    socket.on('close', () => this.sockets.delete(socket))
    socket.send(JSON.stringify({ op: 10, s: null, t: null, d: { heartbeat_interval: 41_250 } }))
    socket.on('message', (raw) => {
      const packet = JSON.parse(rawText(raw)) as { op: number; d: unknown }
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11, s: null, t: null, d: null }))
      if (packet.op === 2) {
        this.identifies.push(packet.d as Identify)
        this.dispatch('READY', {
          v: 10,
          user: { id: IDS.bot, username: 'Byline', discriminator: '0', avatar: null, global_name: null, bot: true },
          guilds: [{ id: IDS.guild, unavailable: true }],
          session_id: `session-${this.identifies.length}`,
          resume_gateway_url: `ws://127.0.0.1:${this.port}`,
          shard: [0, 1],
          application: { id: IDS.app, flags: 0 },
        })
        this.dispatch('GUILD_CREATE', guild())
      }
    })
  }

  private async onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const file = this.files.get(url.pathname)
    if (file) {
      response.writeHead(200, { 'content-type': file.contentType, 'content-length': file.body.length })
      response.end(file.body)
      return
    }
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      authorization: request.headers.authorization,
      body: text ? (JSON.parse(text) as unknown) : null,
    }
    this.requests.push(recorded)
    const reply = (status: number, body?: unknown) => {
      response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' })
      response.end(body === undefined ? undefined : JSON.stringify(body))
    }
    const callback = /^\/api\/v10\/interactions\/(\d+)\/[^/]+\/callback$/.exec(url.pathname)
    if (this.acceptedToken !== null && recorded.authorization !== `Bot ${this.acceptedToken}`) {
      reply(401, { message: '401: Unauthorized', code: 0 })
    } else if (recorded.method === 'GET' && url.pathname === '/api/v10/gateway/bot') {
      reply(200, { url: `ws://127.0.0.1:${this.port}`, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } })
    } else if (callback?.[1] !== undefined && this.expired.has(callback[1])) {
      reply(404, { message: 'Unknown interaction', code: 10062 })
    } else if (callback) {
      reply(204)
    } else if (recorded.method === 'GET' && /^\/api\/v10\/channels\/\d+$/.test(url.pathname)) {
      const known = (guild().channels as { id: string }[]).find((channel) => url.pathname.endsWith(`/${channel.id}`))
      if (known) reply(200, known)
      else reply(404, { message: 'Unknown Channel', code: 10003 })
    } else if (/^\/api\/v10\/webhooks\/\d+\/[^/]+(\/messages\/(@|%40)original)?$/.test(url.pathname)) {
      reply(200, message(recorded.body ?? {}))
    } else {
      reply(404, { message: 'Not found in the stand-in', code: 0 })
    }
    this.waiters = this.waiters.filter((waiter) => (waiter.test(recorded) ? (waiter.resolve(recorded), false) : true))
  }
}

function guild(): Record<string, unknown> {
  const channel = (id: string, name: string, position: number) => ({
    id,
    type: 0,
    guild_id: IDS.guild,
    name,
    position,
    permission_overwrites: [],
    nsfw: false,
    parent_id: null,
    topic: null,
  })
  return {
    id: IDS.guild,
    name: 'Newsroom',
    icon: null,
    owner_id: IDS.mod,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [{ id: IDS.guild, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    joined_at: '2020-01-01T00:00:00.000Z',
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [],
    channels: [channel(IDS.general, 'general', 0), channel(IDS.answers, 'answers', 1)],
    threads: [],
    presences: [],
    premium_tier: 0,
    preferred_locale: 'en-US',
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
  }
}

/** A WebSocket message's text, however ws delivers it. */
function rawText(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8')
  if (Buffer.isBuffer(raw)) return raw.toString('utf8')
  return Buffer.from(raw).toString('utf8')
}

function message(body: MessageBody): Record<string, unknown> {
  return {
    id: '600000000000000001',
    channel_id: IDS.general,
    type: 0,
    content: body.content ?? '',
    author: { id: IDS.bot, username: 'Byline', discriminator: '0', avatar: null, bot: true, global_name: null },
    embeds: body.embeds ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: 0,
    components: [],
  }
}

/** A message as Discord's API sends it inside an interaction. */
function chatMessage(id: string, channel: string, author: Record<string, unknown>, content: string, type: number): Record<string, unknown> {
  return {
    id,
    channel_id: channel,
    author,
    content,
    timestamp: '2026-01-01T00:00:00.000Z',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type,
    flags: 0,
  }
}

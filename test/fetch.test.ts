// The safe page fetcher against real HTTP servers on loopback: what it fetches, what it refuses and
// why, and that refused private addresses never receive a request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DEFAULT_FETCH_OPTIONS, FetchRefusal, fetchPage, type FetchOptions } from '../src/ingest/fetch.js'
import { defined } from './support/defined.js'

type Route = (request: IncomingMessage, response: ServerResponse) => void

/** A loopback server that counts connections and requests and records which responses the client hung up on. */
interface TestServer {
  server: Server
  base: string
  port: number
  connections: number
  hits: number
  lastHeaders: IncomingMessage['headers']
  closedPaths: string[]
}

const PAGE = '<!doctype html><html><head><title>Story</title></head><body><p>Caf\u00e9 opens on Main Street.</p></body></html>'
const SMALL_LIMIT = 10_000

/** Writes a head and a first bit of body, then never finishes: a client that waits for the body waits forever. */
const stall =
  (headers: Record<string, string | number>, firstChunk = 'x'): Route =>
  (_request, response) => {
    response.writeHead(200, headers)
    response.write(firstChunk)
  }

const html =
  (body: string | Buffer, contentType = 'text/html; charset=utf-8'): Route =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': contentType })
    response.end(body)
  }

const redirect =
  (status: number, location: string): Route =>
  (_request, response) => {
    response.writeHead(status, { location })
    response.end()
  }

/** /hop/N redirects towards /hop/0, alternating absolute-path and relative Locations and the redirect statuses. */
const hop: Route = (request, response) => {
  const step = Number(/^\/hop\/(\d+)$/.exec(request.url ?? '')?.[1])
  if (step === 0) {
    html(PAGE)(request, response)
    return
  }
  const statuses = [301, 302, 303, 307, 308]
  redirect(defined(statuses[step % statuses.length], 'a status'), step % 2 === 1 ? `/hop/${step - 1}` : String(step - 1))(request, response)
}

/** /slow-hop/N waits 150 ms, then redirects towards /slow-hop/0, which is a page. */
const slowHop: Route = (request, response) => {
  const step = Number(/^\/slow-hop\/(\d+)$/.exec(request.url ?? '')?.[1])
  setTimeout(() => {
    if (step === 0) html(PAGE)(request, response)
    else redirect(302, `/slow-hop/${step - 1}`)(request, response)
  }, 150)
}

/** Streams 1 000-byte chunks without a Content-Length until the client hangs up. */
const endless: Route = (_request, response) => {
  response.writeHead(200, { 'content-type': 'text/html' })
  const timer = setInterval(() => response.write('y'.repeat(1000)), 2)
  response.on('close', () => {
    clearInterval(timer)
  })
}

async function startServer(host: string, table: Record<string, Route>): Promise<TestServer> {
  const server = createServer()
  const testServer: TestServer = { server, base: '', port: 0, connections: 0, hits: 0, lastHeaders: {}, closedPaths: [] }
  server.on('connection', () => {
    testServer.connections++
  })
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    testServer.hits++
    testServer.lastHeaders = request.headers
    const path = request.url ?? '/'
    response.on('close', () => testServer.closedPaths.push(path))
    const route = table[path] ?? (path.startsWith('/slow-hop/') ? slowHop : path.startsWith('/hop/') ? hop : undefined)
    if (route) route(request, response)
    else {
      response.writeHead(404, { 'content-type': 'text/html' })
      response.end('<p>No such page</p>')
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, host, resolve)
  })
  testServer.port = (server.address() as AddressInfo).port
  testServer.base = `http://${host}:${testServer.port}`
  return testServer
}

async function stopServer(testServer: TestServer | undefined): Promise<void> {
  if (!testServer) return
  testServer.server.closeAllConnections()
  await new Promise<void>((resolve) =>
    testServer.server.close(() => {
      resolve()
    }),
  )
}

let first: TestServer
let second: TestServer | undefined
let secondUnavailable = ''

beforeAll(async () => {
  first = await startServer('127.0.0.1', {
    '/page': html(Buffer.from(PAGE, 'latin1'), 'text/html; Charset="ISO-8859-1"'),
    '/plain': html('Just text.', 'text/plain'),
    '/pdf': stall({ 'content-type': 'application/pdf', 'content-length': 1_000_000 }, '%PDF-1.7\n'),
    '/image': html('not really a png', 'image/png'),
    '/json': html('{"story":1}', 'application/json; charset=utf-8'),
    '/declared-too-large': stall({ 'content-type': 'text/html', 'content-length': 50_000 }, '<p>'),
    '/endless': endless,
    '/slow': stall({ 'content-type': 'text/html' }, '<p>'),
    '/gzip': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' })
      response.end(gzipSync(PAGE))
    },
    '/br': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' })
      response.end(brotliCompressSync(PAGE))
    },
    '/gzip-bomb': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
      response.end(gzipSync(' '.repeat(200_000)))
    },
    '/untyped-text': (_request, response) => {
      response.end('<p>No content type, but text.</p>')
    },
    '/untyped-binary': (_request, response) => {
      response.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))
    },
    '/to-ftp': redirect(302, 'ftp://example.com/story'),
    '/declared-huge': stall({ 'content-type': 'text/html', 'content-length': 6 * 1024 * 1024 }, '<p>'),
    '/to-second': (request, response) => {
      redirect(302, `http://127.0.0.2:${second?.port ?? 1}/page`)(request, response)
    },
  })
  try {
    second = await startServer('127.0.0.2', {
      '/page': html(PAGE),
      '/to-localhost': redirect(302, `http://localhost:${first.port}/page`),
    })
  } catch (error) {
    secondUnavailable = `cannot listen on 127.0.0.2 (${String(error)}), so the redirect-hop check cannot be exercised here`
  }
})

afterAll(async () => {
  await stopServer(first)
  await stopServer(second)
})

const loopback = (options: Partial<FetchOptions> = {}): Partial<FetchOptions> => ({ allowPrivate: true, ...options })

/** Awaits a fetch that must be refused, and checks the message is fit to show a Discord user. */
async function refusalOf(fetching: Promise<unknown>): Promise<FetchRefusal> {
  const outcome: unknown = await fetching.then(
    () => 'the fetch succeeded',
    (error: unknown) => error,
  )
  expect(outcome).toBeInstanceOf(FetchRefusal)
  const refusal = outcome as FetchRefusal
  expect(refusal.message).not.toMatch(/[\r\n]/)
  expect(refusal.message).toMatch(/^[A-Z].*[.]$/)
  expect(refusal.message.length).toBeLessThan(160)
  expect(refusal.message).not.toMatch(/\bE[A-Z_]{3,}\b|Error|undefined|null|\[object|\bat .*:\d+:\d+/)
  return refusal
}

const text = (bytes: Uint8Array, encoding: BufferEncoding = 'utf8') => Buffer.from(bytes).toString(encoding)

describe('fetching pages', () => {
  it('fetches an HTML page with its media type and charset, sending Accept and User-Agent', async () => {
    const page = await fetchPage(`${first.base}/page`, loopback({ userAgent: 'BylineTest/2.0' }))
    expect(page.requestedUrl).toBe(`${first.base}/page`)
    expect(page.url).toBe(`${first.base}/page`)
    expect(page.contentType).toBe('text/html')
    expect(page.charset).toBe('iso-8859-1')
    expect(text(page.bytes, 'latin1')).toBe(PAGE)
    expect(first.lastHeaders['user-agent']).toBe('BylineTest/2.0')
    expect(first.lastHeaders.accept).toBe('text/html,application/xhtml+xml,text/plain;q=0.9')
  })

  it('fetches a text/plain page, with no charset when none is named', async () => {
    const page = await fetchPage(`${first.base}/plain`, loopback())
    expect([page.contentType, page.charset, text(page.bytes)]).toEqual(['text/plain', null, 'Just text.'])
  })

  it('follows a chain of redirects (every redirect status, relative Locations) and reports the final url', async () => {
    const page = await fetchPage(`${first.base}/hop/5`, loopback())
    expect(page.requestedUrl).toBe(`${first.base}/hop/5`)
    expect(page.url).toBe(`${first.base}/hop/0`)
    expect(text(page.bytes)).toBe(PAGE)
  })

  it('refuses a link that redirects more than maxRedirects times', async () => {
    const hitsBefore = first.hits
    const refusal = await refusalOf(fetchPage(`${first.base}/hop/6`, loopback()))
    expect(refusal.reason).toBe('too-many-redirects')
    expect(refusal.message).toContain('more than 5 times')
    expect(first.hits - hitsBefore).toBe(6)
    expect((await refusalOf(fetchPage(`${first.base}/hop/1`, loopback({ maxRedirects: 0 })))).reason).toBe('too-many-redirects')
  })

  it('decodes gzip and brotli pages', async () => {
    expect(text((await fetchPage(`${first.base}/gzip`, loopback())).bytes)).toBe(PAGE)
    expect(text((await fetchPage(`${first.base}/br`, loopback())).bytes)).toBe(PAGE)
  })

  it('accepts a page without a Content-Type when it sniffs as text, as text/html', async () => {
    const page = await fetchPage(`${first.base}/untyped-text`, loopback())
    expect([page.contentType, text(page.bytes)]).toEqual(['text/html', '<p>No content type, but text.</p>'])
  })

  it('refuses private addresses unless told to allow them', async () => {
    expect((await refusalOf(fetchPage(`${first.base}/page`))).reason).toBe('private-address')
    expect((await fetchPage(`${first.base}/page`, { allowPrivate: true })).contentType).toBe('text/html')
  })
})

describe('refusing what Byline cannot read', () => {
  it('refuses a PDF by its Content-Type before reading the body (which never ends)', async () => {
    const refusal = await refusalOf(fetchPage(`${first.base}/pdf`, loopback({ timeoutMs: 5_000 })))
    expect(refusal.reason).toBe('content-type')
    expect(refusal.message).toBe('That link is a PDF, not a web page: Byline reads HTML and text pages.')
    await vi.waitFor(() => {
      expect(first.closedPaths).toContain('/pdf')
    })
  })

  it('names images and JSON in the refusal', async () => {
    const image = await refusalOf(fetchPage(`${first.base}/image`, loopback()))
    expect([image.reason, image.message]).toEqual(['content-type', 'That link is an image, not a web page: Byline reads HTML and text pages.'])
    const json = await refusalOf(fetchPage(`${first.base}/json`, loopback()))
    expect([json.reason, json.message]).toEqual(['content-type', 'That link is JSON data, not a web page: Byline reads HTML and text pages.'])
  })

  it('refuses an untyped body that looks binary', async () => {
    expect((await refusalOf(fetchPage(`${first.base}/untyped-binary`, loopback()))).reason).toBe('content-type')
  })

  it('refuses a page whose Content-Length is over maxBytes without waiting for the body', async () => {
    const refusal = await refusalOf(fetchPage(`${first.base}/declared-too-large`, loopback({ maxBytes: SMALL_LIMIT, timeoutMs: 5_000 })))
    expect(refusal.reason).toBe('too-large')
    expect(refusal.message).toBe('The page is larger than 10 KB; Byline reads pages up to 10 KB.')
  })

  it('stops reading a chunked page without a length once it passes maxBytes', async () => {
    const refusal = await refusalOf(fetchPage(`${first.base}/endless`, loopback({ maxBytes: SMALL_LIMIT, timeoutMs: 5_000 })))
    expect(refusal.reason).toBe('too-large')
    await vi.waitFor(() => {
      expect(first.closedPaths).toContain('/endless')
    })
  })

  it('applies maxBytes to the decompressed page too', async () => {
    const refusal = await refusalOf(fetchPage(`${first.base}/gzip-bomb`, loopback({ maxBytes: SMALL_LIMIT })))
    expect(refusal.reason).toBe('too-large')
  })

  it('states the default limit of 5 MB', async () => {
    const refusal = await refusalOf(fetchPage(`${first.base}/declared-huge`, loopback({ timeoutMs: 5_000 })))
    expect([refusal.reason, refusal.message]).toEqual(['too-large', 'The page is larger than 5 MB; Byline reads pages up to 5 MB.'])
  })

  it('gives up on a slow page after timeoutMs and hangs up', async () => {
    const started = Date.now()
    const refusal = await refusalOf(fetchPage(`${first.base}/slow`, loopback({ timeoutMs: 300 })))
    expect(refusal.reason).toBe('timeout')
    expect(refusal.message).toBe('The site took longer than 0.3 s to answer; try again later or attach the saved page instead.')
    expect(Date.now() - started).toBeLessThan(3_000)
    await vi.waitFor(() => {
      expect(first.closedPaths).toContain('/slow')
    })
  })

  it('bounds the whole fetch, redirects included, by timeoutMs', async () => {
    // Each hop answers in 150 ms, well inside 400 ms; four hops together do not.
    const refusal = await refusalOf(fetchPage(`${first.base}/slow-hop/4`, loopback({ timeoutMs: 400 })))
    expect(refusal.reason).toBe('timeout')
  })

  it('refuses a 404 with the status in words', async () => {
    const refusal = await refusalOf(fetchPage(`${first.base}/missing`, loopback()))
    expect([refusal.reason, refusal.message]).toEqual(['http-status', 'The site answered 404 Not Found for that link.'])
  })

  it('refuses a name that does not resolve', async () => {
    for (const allowPrivate of [false, true]) {
      const refusal = await refusalOf(fetchPage('http://byline-test.invalid/story', { allowPrivate, timeoutMs: 5_000 }))
      expect([allowPrivate, refusal.reason, refusal.message]).toEqual([allowPrivate, 'dns', "That site's name could not be found (check the link)."])
    }
  })

  it('refuses a closed port as a network failure', async () => {
    const closed = await startServer('127.0.0.1', {})
    const url = `${closed.base}/page`
    await stopServer(closed)
    expect((await refusalOf(fetchPage(url, loopback()))).reason).toBe('network')
  })
})

describe('refusing links Byline never fetches', () => {
  it.each(['ftp://example.com/story.html', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<p>hi</p>'])('refuses %s by scheme', async (url) => {
    const refusal = await refusalOf(fetchPage(url))
    expect([refusal.reason, refusal.message]).toEqual(['scheme', 'Byline only fetches http(s) links.'])
  })

  it('refuses text that is not a link', async () => {
    expect((await refusalOf(fetchPage('example.com/story'))).reason).toBe('bad-url')
  })

  it('refuses a link with credentials without contacting the site', async () => {
    const before = first.connections
    const refusal = await refusalOf(fetchPage(`http://user:secret@127.0.0.1:${first.port}/page`, loopback()))
    expect(refusal.reason).toBe('bad-url')
    expect(refusal.message).not.toContain('secret')
    expect(first.connections).toBe(before)
  })

  it('refuses a redirect to a non-http(s) link', async () => {
    const refusal = await refusalOf(fetchPage(`${first.base}/to-ftp`, loopback()))
    expect(refusal.reason).toBe('scheme')
    expect(refusal.message).toContain('redirected')
  })
})

describe('private and local addresses', () => {
  const privateLinks = (port: number) => [
    `http://127.0.0.1:${port}/page`,
    `http://localhost:${port}/page`,
    `http://[::1]:${port}/page`,
    `http://2130706433:${port}/page`,
    `http://0x7f.1:${port}/page`,
    `http://[::ffff:127.0.0.1]:${port}/page`,
    `http://0.0.0.0:${port}/page`,
    'http://169.254.169.254/latest/meta-data/',
    'http://10.1.2.3/',
    'http://[fd00::1]/',
  ]

  it('refuses loopback, private and metadata addresses, literal or resolved, before any connection', async () => {
    const before = { connections: first.connections, hits: first.hits }
    for (const url of privateLinks(first.port)) {
      const refusal = await refusalOf(fetchPage(url, { allowPrivate: false, timeoutMs: 2_000 }))
      expect({ url, reason: refusal.reason }).toEqual({ url, reason: 'private-address' })
      expect(refusal.message).toBe('That link points to a private or local network address, which Byline does not fetch.')
    }
    expect({ connections: first.connections, hits: first.hits }).toEqual(before)
  })

  it('checks the addresses a name resolves to, not the name', async () => {
    const checked: string[] = []
    const page = await fetchPage(`http://localhost:${first.port}/page`, {
      allowPrivate: false,
      isForbiddenAddress: (address) => {
        checked.push(address)
        return false
      },
    })
    expect(page.contentType).toBe('text/html')
    expect(checked).toContain('127.0.0.1')
  })

  it('forbids the built-in reserved ranges and nothing public', () => {
    const forbidden = defined(DEFAULT_FETCH_OPTIONS.isForbiddenAddress, 'the default address check')
    const blocked: [string, 4 | 6][] = [
      ['0.0.0.0', 4],
      ['10.255.255.255', 4],
      ['100.64.0.1', 4],
      ['100.127.255.254', 4],
      ['127.0.0.53', 4],
      ['169.254.169.254', 4],
      ['172.16.0.1', 4],
      ['172.31.255.255', 4],
      ['192.0.0.8', 4],
      ['192.168.1.1', 4],
      ['198.18.0.1', 4],
      ['198.19.255.255', 4],
      ['224.0.0.1', 4],
      ['240.0.0.1', 4],
      ['255.255.255.255', 4],
      ['::', 6],
      ['::1', 6],
      ['fc00::1', 6],
      ['fdff::1', 6],
      ['fe80::1', 6],
      ['febf::1', 6],
      ['ff02::1', 6],
      ['::ffff:127.0.0.1', 6],
      ['::ffff:a9fe:a9fe', 6],
      ['::ffff:192.168.0.1', 6],
    ]
    const allowed: [string, 4 | 6][] = [
      ['8.8.8.8', 4],
      ['1.1.1.1', 4],
      ['11.0.0.1', 4],
      ['100.63.255.255', 4],
      ['100.128.0.0', 4],
      ['172.15.255.255', 4],
      ['172.32.0.0', 4],
      ['198.20.0.1', 4],
      ['223.255.255.255', 4],
      ['2606:4700:4700::1111', 6],
      ['2a00:1450:4001::200e', 6],
      ['::ffff:8.8.8.8', 6],
    ]
    expect(blocked.filter(([address, family]) => !forbidden(address, family))).toEqual([])
    expect(allowed.filter(([address, family]) => forbidden(address, family))).toEqual([])
  })

  it('checks every redirect hop: an allowed server redirecting to a forbidden address is refused', async (context) => {
    if (!second) context.skip(secondUnavailable)
    const target = defined(second, 'the second server')
    const before = { connections: target.connections, hits: target.hits }
    const refusal = await refusalOf(fetchPage(`${first.base}/to-second`, { allowPrivate: false, isForbiddenAddress: (address) => address === '127.0.0.2' }))
    expect(refusal.reason).toBe('private-address')
    expect({ connections: target.connections, hits: target.hits }).toEqual(before)
    // The same check lets the second server through when it is not forbidden, so the refusal above is the check's doing.
    const page = await fetchPage(`${first.base}/to-second`, { allowPrivate: false, isForbiddenAddress: () => false })
    expect(page.url).toBe(`${target.base}/page`)
  })

  it('checks every redirect hop through DNS too: a redirect to a name resolving to a forbidden address is refused', async (context) => {
    if (!second) context.skip(secondUnavailable)
    const origin = defined(second, 'the second server')
    const before = { connections: first.connections, hits: first.hits }
    const refusal = await refusalOf(
      fetchPage(`${origin.base}/to-localhost`, { allowPrivate: false, isForbiddenAddress: (address) => address === '127.0.0.1' || address === '::1' }),
    )
    expect(refusal.reason).toBe('private-address')
    expect(origin.hits).toBeGreaterThan(0)
    expect({ connections: first.connections, hits: first.hits }).toEqual(before)
  })
})

// A safe page fetcher for links that moderators give the bot: http(s) only, no private or local
// network addresses (checked on the address actually connected to, on every redirect hop), bounded
// in time, size and redirects, and only for pages Byline can read. Every failure is a FetchRefusal
// whose message can be shown to a Discord user as is.
import { lookup as lookupHostname, type LookupAddress } from 'node:dns'
import http, { STATUS_CODES, type IncomingMessage } from 'node:http'
import https from 'node:https'
import { BlockList, isIP, type LookupFunction } from 'node:net'
import { Transform, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'

/** How fetchPage behaves; every field has a default in DEFAULT_FETCH_OPTIONS. */
export interface FetchOptions {
  /**
   * Allow loopback/private/link-local/metadata addresses (tests; the bot reads BYLINE_FETCH_ALLOW_PRIVATE=1 into it).
   * Default false. When true no address is checked at all.
   */
  allowPrivate: boolean
  /** How many redirects are followed before giving up. Default 5. */
  maxRedirects: number
  /** Time limit in milliseconds for the whole fetch, redirects and body included. Default 10 000. */
  timeoutMs: number
  /** Largest page accepted, in bytes, counted both as received and after decompression. Default 5 MiB. */
  maxBytes: number
  /** The User-Agent header sent with every request. */
  userAgent: string
  /**
   * For tests: decides whether a resolved address is forbidden (used only when allowPrivate is false).
   * Default: the built-in private/reserved ranges.
   */
  isForbiddenAddress?: (address: string, family: 4 | 6) => boolean
}

/** A page fetched by fetchPage. */
export interface FetchedPage {
  /** The URL asked for (normalised), and the final one after redirects. */
  requestedUrl: string
  url: string
  /** Media type lower-case without parameters, e.g. 'text/html' ('text/html' when the site sent none). */
  contentType: string
  /** The charset named by the Content-Type header, lower-case, if any. */
  charset: string | null
  /** The body, decompressed. */
  bytes: Uint8Array
}

/** Why a fetch was refused; the message of the FetchRefusal says it in words. */
export type FetchRefusalReason =
  'bad-url' | 'scheme' | 'private-address' | 'dns' | 'too-many-redirects' | 'timeout' | 'too-large' | 'content-type' | 'http-status' | 'network'

/** A refusal with a one-line, friendly message meant for a Discord user (no stack, no internals). */
export class FetchRefusal extends Error {
  constructor(
    readonly reason: FetchRefusalReason,
    message: string,
  ) {
    super(message)
    this.name = 'FetchRefusal'
  }
}

type AddressCheck = (address: string, family: 4 | 6) => boolean

/** Address ranges never fetched by default: [network, prefix length]. */
const RESERVED_IPV4: readonly (readonly [string, number])[] = [
  ['0.0.0.0', 8], // "this network" (Linux connects 0.0.0.0 to the local host)
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, including the 169.254.169.254 cloud metadata service
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 3], // multicast, reserved and broadcast: 224.0.0.0 and above
]
const RESERVED_IPV6: readonly (readonly [string, number])[] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard-only
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // deprecated site-local
  ['ff00::', 8], // multicast
]

/** The reserved ranges; BlockList also matches IPv4-mapped IPv6 (::ffff:a.b.c.d) against the IPv4 rules. */
const RESERVED_ADDRESSES = reservedAddressList()

function reservedAddressList(): BlockList {
  const list = new BlockList()
  for (const [network, prefix] of RESERVED_IPV4) list.addSubnet(network, prefix, 'ipv4')
  for (const [network, prefix] of RESERVED_IPV6) list.addSubnet(network, prefix, 'ipv6')
  return list
}

function isReservedAddress(address: string, family: 4 | 6): boolean {
  return RESERVED_ADDRESSES.check(address, family === 6 ? 'ipv6' : 'ipv4')
}

/** The defaults fetchPage uses for every option not given (the bot sets allowPrivate from BYLINE_FETCH_ALLOW_PRIVATE). */
export const DEFAULT_FETCH_OPTIONS: FetchOptions = Object.freeze({
  allowPrivate: false,
  maxRedirects: 5,
  timeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
  userAgent: 'BylineBot/1.0 (+news quote bot)',
  isForbiddenAddress: isReservedAddress,
})

const READABLE_MEDIA_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml', 'text/plain'])
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308])
const REQUEST_HEADERS = {
  accept: 'text/html,application/xhtml+xml,text/plain;q=0.9',
  'accept-encoding': 'gzip, deflate, br',
}
const READS_PAGES = 'Byline reads HTML and text pages.'
const OR_ATTACH = 'try again later or attach the saved page instead.'

/**
 * Fetches a page safely: http(s) only, never from a private or local network address, following at
 * most maxRedirects redirects, within timeoutMs and maxBytes, and only HTML or text pages.
 * Resolves with the bytes or rejects with a FetchRefusal. Never throws anything else.
 */
export async function fetchPage(url: string, options: Partial<FetchOptions> = {}): Promise<FetchedPage> {
  const settings = withDefaults(options)
  const deadline = new AbortController()
  const timer = setTimeout(() => {
    deadline.abort()
  }, settings.timeoutMs)
  try {
    return await fetchFollowingRedirects(url, settings, deadline.signal)
  } catch (error) {
    throw asRefusal(error, settings, deadline.signal.aborted)
  } finally {
    clearTimeout(timer)
  }
}

function withDefaults(options: Partial<FetchOptions>): FetchOptions {
  return {
    allowPrivate: options.allowPrivate ?? DEFAULT_FETCH_OPTIONS.allowPrivate,
    maxRedirects: options.maxRedirects ?? DEFAULT_FETCH_OPTIONS.maxRedirects,
    timeoutMs: options.timeoutMs ?? DEFAULT_FETCH_OPTIONS.timeoutMs,
    maxBytes: options.maxBytes ?? DEFAULT_FETCH_OPTIONS.maxBytes,
    userAgent: options.userAgent ?? DEFAULT_FETCH_OPTIONS.userAgent,
    isForbiddenAddress: options.isForbiddenAddress ?? isReservedAddress,
  }
}

async function fetchFollowingRedirects(url: string, settings: FetchOptions, signal: AbortSignal): Promise<FetchedPage> {
  const requestedUrl = parseFetchableUrl(url.trim(), 'link')
  const addressCheck = settings.allowPrivate ? null : (settings.isForbiddenAddress ?? isReservedAddress)
  let currentUrl = requestedUrl
  for (let redirectsFollowed = 0; ; redirectsFollowed++) {
    const response = await openResponse(currentUrl, settings, addressCheck, signal)
    try {
      const location = redirectLocation(response)
      if (location === null) return await readPage(response, requestedUrl, currentUrl, settings, signal)
      if (redirectsFollowed >= settings.maxRedirects) {
        throw new FetchRefusal('too-many-redirects', `The link redirected more than ${settings.maxRedirects} times, so Byline gave up on it.`)
      }
      currentUrl = parseFetchableUrl(location, 'redirect', currentUrl)
    } finally {
      response.destroy()
    }
  }
}

/** Parses a link (or a redirect's Location, relative to the page that sent it) and refuses what Byline never fetches. */
function parseFetchableUrl(text: string, origin: 'link' | 'redirect', base?: URL): URL {
  let parsed: URL
  try {
    parsed = new URL(text, base)
  } catch {
    throw new FetchRefusal(
      'bad-url',
      origin === 'link' ? 'That does not look like a web link; it should start with https://.' : 'The site redirected to a link Byline cannot read.',
    )
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchRefusal(
      'scheme',
      origin === 'link' ? 'Byline only fetches http(s) links.' : 'The site redirected to a link that is not http(s); Byline only fetches http(s) links.',
    )
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new FetchRefusal('bad-url', 'Byline does not fetch links with a user name or password in them.')
  }
  return parsed
}

const privateAddressRefusal = () => new FetchRefusal('private-address', 'That link points to a private or local network address, which Byline does not fetch.')

const dnsRefusal = () => new FetchRefusal('dns', "That site's name could not be found (check the link).")

/** Asks the check about one address; an address the check cannot judge is forbidden. */
function isForbidden(addressCheck: AddressCheck, address: string, family: number): boolean {
  const withoutZone = address.replace(/%.*$/, '')
  try {
    return addressCheck(withoutZone, family === 6 ? 6 : 4)
  } catch {
    return true
  }
}

/**
 * A DNS lookup for the socket itself, so the address checked is the one connected to: any forbidden
 * address among the results refuses the whole host.
 */
function lookupRefusingForbidden(addressCheck: AddressCheck): LookupFunction {
  return (hostname, options, callback) => {
    // On failure Node passes no addresses at all, whatever the type says.
    const answer = (error: Error | null, addresses: LookupAddress[] | undefined) => {
      const first = addresses?.[0]
      if (error !== null || addresses === undefined || first === undefined) {
        callback(dnsRefusal(), '')
      } else if (addresses.some((entry) => isForbidden(addressCheck, entry.address, entry.family))) {
        callback(privateAddressRefusal(), '')
      } else if (options.all === true) {
        callback(null, addresses)
      } else {
        callback(null, first.address, first.family)
      }
    }
    try {
      lookupHostname(hostname, { ...options, all: true }, answer)
    } catch {
      callback(dnsRefusal(), '')
    }
  }
}

/** Sends one GET (a fresh connection, through the address check) and resolves with the response head. */
function openResponse(target: URL, settings: FetchOptions, addressCheck: AddressCheck | null, signal: AbortSignal): Promise<IncomingMessage> {
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1')
  const literalFamily = isIP(host)
  if (addressCheck !== null && literalFamily !== 0 && isForbidden(addressCheck, host, literalFamily)) {
    return Promise.reject(privateAddressRefusal())
  }
  return new Promise((resolve, reject) => {
    const client = target.protocol === 'https:' ? https : http
    const request = client.request(
      target,
      {
        method: 'GET',
        headers: { ...REQUEST_HEADERS, 'user-agent': settings.userAgent },
        agent: false,
        signal,
        ...(addressCheck === null ? {} : { lookup: lookupRefusingForbidden(addressCheck) }),
      },
      resolve,
    )
    request.on('error', reject)
    request.end()
  })
}

/** The Location of a redirect response, or null when the response is not a redirect to follow. */
function redirectLocation(response: IncomingMessage): string | null {
  const location = response.headers.location
  if (!REDIRECT_STATUSES.has(response.statusCode ?? 0) || location === undefined || location === '') return null
  return location
}

async function readPage(response: IncomingMessage, requestedUrl: URL, finalUrl: URL, settings: FetchOptions, signal: AbortSignal): Promise<FetchedPage> {
  const status = response.statusCode ?? 0
  if (status < 200 || status > 299) {
    const phrase = STATUS_CODES[status]
    throw new FetchRefusal('http-status', `The site answered ${phrase === undefined ? status : `${status} ${phrase}`} for that link.`)
  }
  const { mediaType, charset } = parseContentType(response.headers['content-type'])
  if (mediaType !== null && !READABLE_MEDIA_TYPES.has(mediaType)) {
    throw new FetchRefusal('content-type', `That link is ${describeMediaType(mediaType)}, not a web page: ${READS_PAGES}`)
  }
  if (Number(response.headers['content-length']) > settings.maxBytes) throw tooLargeRefusal(settings.maxBytes)
  const bytes = await readBody(response, settings.maxBytes, signal)
  if (mediaType === null && !looksLikeText(bytes)) {
    throw new FetchRefusal('content-type', `That link did not say what it is and does not look like a web page: ${READS_PAGES}`)
  }
  return { requestedUrl: requestedUrl.href, url: finalUrl.href, contentType: mediaType ?? 'text/html', charset, bytes }
}

/** The media type (null when missing or malformed) and charset of a Content-Type header. */
function parseContentType(header: string | undefined): { mediaType: string | null; charset: string | null } {
  const [typePart = '', ...parameters] = (header ?? '').split(';')
  const mediaType = typePart.trim().toLowerCase()
  let charset: string | null = null
  for (const parameter of parameters) {
    const match = /^\s*charset\s*=\s*"?([^"\s]+)"?\s*$/i.exec(parameter)
    if (match?.[1] !== undefined) charset = match[1].toLowerCase()
  }
  return { mediaType: /^[\w.+-]+\/[\w.+-]+$/.test(mediaType) ? mediaType : null, charset }
}

/** Names a media type Byline refuses, in words a Discord user knows. */
function describeMediaType(mediaType: string): string {
  if (mediaType === 'application/pdf') return 'a PDF'
  if (mediaType.startsWith('image/')) return 'an image'
  if (mediaType.startsWith('video/')) return 'a video'
  if (mediaType.startsWith('audio/')) return 'an audio file'
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) return 'JSON data'
  if (mediaType === 'application/rss+xml' || mediaType === 'application/atom+xml') return 'a news feed'
  if (mediaType.endsWith('/xml') || mediaType.endsWith('+xml')) return 'an XML document'
  return `a file of type ${mediaType}`
}

const tooLargeRefusal = (maxBytes: number) =>
  new FetchRefusal('too-large', `The page is larger than ${formatSize(maxBytes)}; Byline reads pages up to ${formatSize(maxBytes)}.`)

function formatSize(bytes: number): string {
  const mebibyte = 1024 * 1024
  if (bytes >= mebibyte) return `${Number((bytes / mebibyte).toFixed(1))} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} bytes`
}

/** Reads the body, decompressed, refusing as soon as more than maxBytes arrive or come out of decompression. */
async function readBody(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  const collector = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk)
      done()
    },
  })
  const decompressor = decompressorFor(response.headers['content-encoding'])
  if (decompressor === null) await pipeline(response, byteLimit(maxBytes), collector, { signal })
  else await pipeline(response, byteLimit(maxBytes), decompressor, byteLimit(maxBytes), collector, { signal })
  return new Uint8Array(Buffer.concat(chunks))
}

/** A pass-through stream that fails with a 'too-large' refusal once more than maxBytes go through it. */
function byteLimit(maxBytes: number): Transform {
  let seen = 0
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length
      if (seen > maxBytes) done(tooLargeRefusal(maxBytes))
      else done(null, chunk)
    },
  })
}

function decompressorFor(contentEncoding: string | undefined): Transform | null {
  const encoding = (contentEncoding ?? '').trim().toLowerCase()
  if (encoding === '' || encoding === 'identity') return null
  if (encoding === 'gzip' || encoding === 'x-gzip') return createGunzip()
  if (encoding === 'deflate') return createInflate()
  if (encoding === 'br') return createBrotliDecompress()
  throw new FetchRefusal('content-type', `The site sent the page compressed in a way Byline cannot read; ${OR_ATTACH}`)
}

/** A simple sniff for a body sent without a Content-Type: no binary control bytes near the start, and not a PDF. */
function looksLikeText(bytes: Uint8Array): boolean {
  const start = bytes.subarray(0, 1445)
  if (Buffer.from(start.subarray(0, 5)).toString('latin1') === '%PDF-') return false
  // The WHATWG MIME sniffing "binary data bytes": controls other than tab, newlines, form feed and escape.
  return !start.some((byte) => byte <= 0x08 || byte === 0x0b || (byte >= 0x0e && byte <= 0x1a) || (byte >= 0x1c && byte <= 0x1f))
}

const DNS_FAILURES: ReadonlySet<string> = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME'])
const TLS_ERROR = /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME_MISMATCH/

/** Turns anything a fetch threw into a FetchRefusal with a message fit for a Discord user. */
function asRefusal(error: unknown, settings: FetchOptions, timedOut: boolean): FetchRefusal {
  if (error instanceof FetchRefusal) return error
  if (timedOut) {
    return new FetchRefusal('timeout', `The site took longer than ${Number((settings.timeoutMs / 1000).toFixed(1))} s to answer; ${OR_ATTACH}`)
  }
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : ''
  // Name failures reach here only when allowPrivate skips lookupRefusingForbidden.
  if (DNS_FAILURES.has(code)) return dnsRefusal()
  if (TLS_ERROR.test(code)) return new FetchRefusal('network', "That site's secure connection could not be verified, so Byline did not read it.")
  return new FetchRefusal('network', `Byline could not get the page from that site (the connection failed); ${OR_ATTACH}`)
}

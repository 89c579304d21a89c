import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'

const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages')

/** A page the server answers with: status, headers and body, or a delay before answering. */
interface Route {
  status?: number
  headers?: Record<string, string>
  body?: Buffer
  delayMs?: number
}

const html = (file: string): Route => ({ headers: { 'content-type': 'text/html; charset=utf-8' }, body: readFileSync(join(PAGES, file)) })

/**
 * A news site on 127.0.0.1 for the tests: the article fixtures under realistic paths, a redirect,
 * a PDF, a page over 5 MB, a page that never finishes in time, and a 404. Counts the hits per path.
 */
export class PageServer {
  readonly hits = new Map<string, number>()

  private constructor(private readonly server: Server) {}

  static async start(): Promise<PageServer> {
    const routes: Record<string, Route> = {
      '/news/flood-barrier': html('jsonld-news.html'),
      '/news/markets': html('opengraph-only.html'),
      '/news/bare': html('bare.html'),
      '/share/flood': { status: 302, headers: { location: '/news/flood-barrier' } },
      '/files/report.pdf': { headers: { 'content-type': 'application/pdf' }, body: Buffer.from('%PDF-1.7\n%âãÏÓ\n') },
      '/news/huge': { headers: { 'content-type': 'text/html' }, body: Buffer.alloc(6 * 1024 * 1024, '<p>word </p>') },
      '/news/slow': { ...html('jsonld-news.html'), delayMs: 5000 },
      '/login': html('not-article.html'),
    }
    const server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname
      page.hits.set(path, (page.hits.get(path) ?? 0) + 1)
      const route = routes[path] ?? { status: 404, headers: { 'content-type': 'text/html' }, body: Buffer.from('<h1>Not found</h1>') }
      const send = () => {
        if (response.destroyed) return
        response.writeHead(route.status ?? 200, route.headers)
        response.end(route.body)
      }
      if (route.delayMs) setTimeout(send, route.delayMs).unref()
      else send()
    })
    const page = new PageServer(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return page
  }

  /** The address of a path on this server (`host` may name another loopback address for the same port). */
  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${(this.server.address() as AddressInfo).port}${path}`
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) =>
      this.server.close(() => {
        resolve()
      }),
    )
  }
}

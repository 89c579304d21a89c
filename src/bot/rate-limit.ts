export interface RateLimitOptions {
  /** Commands a user may run per window. */
  max: number
  windowMs: number
  now: () => number
}

/** A sliding-window limit per user. Memory is bounded: old entries are dropped as users return. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>()
  private readonly options: RateLimitOptions

  constructor(options: Partial<RateLimitOptions> = {}) {
    this.options = { max: 5, windowMs: 30_000, now: Date.now, ...options }
  }

  /** Records a use; returns 0 when allowed, else the milliseconds until the next use is. */
  take(userId: string): number {
    const now = this.options.now()
    const recent = (this.hits.get(userId) ?? []).filter((time) => now - time < this.options.windowMs)
    const [oldest] = recent
    if (oldest !== undefined && recent.length >= this.options.max) {
      this.hits.set(userId, recent)
      return this.options.windowMs - (now - oldest)
    }
    recent.push(now)
    this.hits.set(userId, recent)
    if (this.hits.size > 10_000) for (const [user, times] of this.hits) if (times.every((time) => now - time >= this.options.windowMs)) this.hits.delete(user)
    return 0
  }
}

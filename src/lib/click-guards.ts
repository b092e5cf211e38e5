// In-memory guards of the click endpoint: a per-key fixed-window rate limit and a
// dedupe window. Both are bounded in memory and need no Strapi.

/** Fixed one-minute windows per key (client IP). */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perWindow: number,
    private readonly windowMs = 60_000,
    private readonly maxKeys = 200_000
  ) {}

  /** 0 when allowed, else the seconds until the window reopens (for Retry-After). */
  hit(key: string, now = Date.now()): number {
    if (this.perWindow <= 0) return 0;
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (!window && this.windows.size >= this.maxKeys) this.sweep(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= this.perWindow) return 0;
    return Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
  }

  /** Takes back one hit of `key` (its click was refused after all). */
  undo(key: string) {
    const window = this.windows.get(key);
    if (window && window.count > 0) window.count -= 1;
  }

  private sweep(now: number) {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
    // Still full of live windows (a flood of distinct IPs): start over rather than grow without bound.
    if (this.windows.size >= this.maxKeys) this.windows.clear();
  }
}

/** Remembers keys for `windowMs`; `seen` answers whether a key was seen within the window. */
export class DedupeWindow {
  private expiries = new Map<string, number>();
  private lastSweep = 0;

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys = 1_000_000
  ) {}

  /** Records the key and tells whether it was already there (not yet expired). */
  seen(key: string, now = Date.now()): boolean {
    if (this.windowMs <= 0) return false;
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry > now) return true;
    if (this.expiries.size >= this.maxKeys || now - this.lastSweep > this.windowMs) this.sweep(now);
    this.expiries.set(key, now + this.windowMs);
    return false;
  }

  /** Forgets a key recorded by `seen` (its view was not stored, so a retry counts). */
  forget(key: string) {
    this.expiries.delete(key);
  }

  get size() {
    return this.expiries.size;
  }

  private sweep(now: number) {
    this.lastSweep = now;
    for (const [key, expiry] of this.expiries) if (expiry <= now) this.expiries.delete(key);
    // Map iteration is insertion order, i.e. oldest first: drop the oldest when still full.
    if (this.expiries.size >= this.maxKeys) {
      let excess = this.expiries.size - Math.floor(this.maxKeys * 0.9);
      for (const key of this.expiries.keys()) {
        if (excess-- <= 0) break;
        this.expiries.delete(key);
      }
    }
  }
}

/** YYYY-MM-DD of `date` in `timeZone`; the formatter is built once per zone. */
export const dayKeyFormatter = (timeZone: string) => {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  let cachedSecond = -1;
  let cachedKey = '';
  return (date = new Date()): string => {
    const second = Math.floor(date.getTime() / 1000);
    if (second !== cachedSecond) {
      cachedSecond = second;
      cachedKey = format.format(date);
    }
    return cachedKey;
  };
};

/** The `days` day keys ending with `today`, oldest first. */
export const lastDays = (today: string, days: number): string[] => {
  const end = Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)));
  return Array.from({ length: days }, (_, i) => new Date(end - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10));
};

export const DOCUMENT_ID = /^[a-z0-9]{24}$/;

/**
 * The address a click is counted against: IPv4 as is (an IPv4-mapped IPv6 address as
 * its IPv4), IPv6 as its /64 network in one spelling. One IPv6 subscriber holds a whole
 * /64, and 2001:DB8::1, 2001:db8::1 and 2001:0db8::0001 are one address.
 */
export const clientKey = (ip: string): string => {
  const address = ip
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) return mapped[1];
  if (!address.includes(':')) return address;
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  // An embedded IPv4 tail (::1.2.3.4) stands for two groups.
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  if (groups.length !== 8 || groups.some((group) => !/^[0-9a-f]{1,4}$/.test(group))) return address;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
};

/**
 * Bundled into the Lambda functions in place of `@aws-sdk/endpoint-cache` (lambdaBundling.alias),
 * with the same class and methods. The DynamoDB client builds one for endpoint discovery, which we
 * never turn on (the regional endpoint is used); the original keeps its entries in mnemonist's LRU
 * cache, about 8 KB of the API's cold start for a cache that stays empty. This one keeps them in a
 * Map, least recently used evicted first, so discovery would still work if it were turned on.
 */
import type { EndpointCache as SdkEndpointCache } from '@aws-sdk/endpoint-cache';

export type Endpoint = { Address: string; CachePeriodInMinutes: number };
export type EndpointWithExpiry = { Address: string; Expires: number };

/** The SDK's class as its callers see it (its own LRU cache field aside). */
export class EndpointCache implements Omit<SdkEndpointCache, 'cache'> {
  private readonly cache = new Map<string, EndpointWithExpiry[]>();

  constructor(private readonly capacity: number) {}

  getEndpoint(key: string): string | undefined {
    const endpoints = this.get(key);
    if (!endpoints || endpoints.length === 0) return undefined;
    return endpoints[Math.floor(Math.random() * endpoints.length)]!.Address;
  }

  get(key: string): EndpointWithExpiry[] | undefined {
    const value = this.cache.get(key);
    if (!value || value.length === 0) return undefined;
    // Read again: the most recently used entry moves to the end of the Map's order.
    this.cache.delete(key);
    this.cache.set(key, value);
    const now = Date.now();
    const fresh = value.filter((endpoint) => now < endpoint.Expires);
    if (fresh.length === 0) {
      this.delete(key);
      return undefined;
    }
    return fresh;
  }

  set(key: string, endpoints: Endpoint[]): void {
    const now = Date.now();
    this.store(key, endpoints.map(({ Address, CachePeriodInMinutes }) => ({ Address, Expires: now + CachePeriodInMinutes * 60 * 1000 })));
  }

  delete(key: string): void {
    this.store(key, []);
  }

  has(key: string): boolean {
    return (this.cache.get(key)?.length ?? 0) > 0;
  }

  clear(): void {
    this.cache.clear();
  }

  private store(key: string, value: EndpointWithExpiry[]): void {
    this.cache.delete(key);
    this.cache.set(key, value);
    if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value!);
  }
}

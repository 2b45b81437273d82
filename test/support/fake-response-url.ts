import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Slack's response_url host, faked at `fetch` for the tests of one `describe`: every post is recorded and
 * answered 200 as Slack does. Returns the recorded posts (URL and parsed JSON body).
 */
export function useFakeResponseUrl(): {
  posts: { url: string; body: Record<string, unknown> }[];
  fetch: ReturnType<typeof vi.fn>;
} {
  const recorded = { posts: [] as { url: string; body: Record<string, unknown> }[], fetch: vi.fn() };
  beforeEach(() => {
    recorded.posts.length = 0;
    recorded.fetch = vi.fn(async (url: string | URL, init?: RequestInit) => {
      recorded.posts.push({ url: String(url), body: JSON.parse(String(init?.body ?? '{}')) });
      return new Response('ok', { status: 200 });
    });
    vi.stubGlobal('fetch', recorded.fetch);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  return recorded;
}

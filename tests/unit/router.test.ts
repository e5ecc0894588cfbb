import type { Browser } from 'wxt/browser';
import { type Handlers, route, whenReady } from '../../utils/messaging/router';

type Sender = Browser.runtime.MessageSender;

const ctx = { extensionId: 'backstory-id', extensionOrigin: 'chrome-extension://backstory-id/' };
const contentSender: Sender = {
  id: 'backstory-id',
  url: 'https://news.example/world/a',
  tab: { id: 7, index: 0 } as Browser.tabs.Tab,
};
const pageSender: Sender = { id: 'backstory-id', url: 'chrome-extension://backstory-id/popup.html' };

const unused = () => {
  throw new Error('not called in these tests');
};

function handlers(): Handlers & { calls: unknown[] } {
  const calls: unknown[] = [];
  const storage = { mode: 'persistent' } as const;
  return {
    calls,
    articleSeen: (data) => {
      calls.push(data);
      return {
        enabled: true,
        overlayMode: 'earlier',
        earlierCount: 3,
        earliestMs: null,
        related: [],
        storage,
      };
    },
    getTimeline: () => ({ status: 'not-recorded', storage }),
    openTimeline: () => ({ opened: true }),
    getOverlayTimeline: unused,
    disableSite: unused,
    getRecentStories: unused,
    searchHeadlines: unused,
    getSettings: unused,
    setSettings: unused,
    getStats: unused,
    exportData: unused,
    importData: unused,
    clearData: unused,
  };
}

const goodReport = {
  url: 'https://news.example/world/a',
  canonicalUrl: null,
  headline: 'A headline',
  publishedAt: '2025-08-13T22:29:50Z',
  related: [{ title: 'Earlier story', url: 'https://news.example/world/b', publishedAt: '2025-08-12' }],
};

function send(message: unknown, sender: Sender, h = handlers()) {
  return route(message, sender, h, ctx);
}

describe('route', () => {
  it('passes a valid report to its handler and wraps the reply', async () => {
    const h = handlers();
    await expect(
      send({ backstory: 1, type: 'articleSeen', data: goodReport }, contentSender, h),
    ).resolves.toEqual({
      ok: true,
      value: expect.objectContaining({ earlierCount: 3 }),
    });
    expect(h.calls).toEqual([goodReport]);
  });

  it('ignores messages that are not ours', () => {
    expect(send('hello', contentSender)).toBeUndefined();
    expect(send({ type: 'articleSeen', data: goodReport }, contentSender)).toBeUndefined();
  });

  it.each([
    ['unknown type', { type: 'dropDatabase', data: {} }],
    ['prototype key as type', { type: '__proto__', data: {} }],
    ['missing data', { type: 'articleSeen' }],
    ['headline of wrong type', { type: 'articleSeen', data: { ...goodReport, headline: 42 } }],
    ['empty headline', { type: 'articleSeen', data: { ...goodReport, headline: '   ' } }],
    ['oversized headline', { type: 'articleSeen', data: { ...goodReport, headline: 'x'.repeat(301) } }],
    ['non-http page URL', { type: 'articleSeen', data: { ...goodReport, url: 'file:///etc/passwd' } }],
    ['free-form date', { type: 'articleSeen', data: { ...goodReport, publishedAt: 'last Tuesday' } }],
    [
      'too many related items',
      { type: 'articleSeen', data: { ...goodReport, related: Array(51).fill(goodReport.related[0]) } },
    ],
    ['oversized payload', { type: 'articleSeen', data: { ...goodReport, padding: 'x'.repeat(200_000) } }],
  ])('rejects %s', async (_name, message) => {
    const h = handlers();
    const reply = await send({ backstory: 1, ...message }, contentSender, h);
    expect(reply).toMatchObject({ ok: false });
    expect(h.calls).toHaveLength(0);
  });

  it('drops related items with javascript:, data: or malformed links but keeps the report', async () => {
    const h = handlers();
    const kept = { title: 'Kept', url: 'https://news.example/d', publishedAt: null };
    const related = [
      { title: 'Bad', url: 'javascript:alert(1)', publishedAt: null },
      { title: 'Also bad', url: 'data:text/html,<script>alert(1)</script>', publishedAt: null },
      { title: 'Relative', url: '/world/c', publishedAt: null },
      kept,
      { title: '', url: 'https://news.example/e', publishedAt: null },
      'not an object',
      ...goodReport.related,
    ];
    await send({ backstory: 1, type: 'articleSeen', data: { ...goodReport, related } }, contentSender, h);
    expect(h.calls).toEqual([{ ...goodReport, related: [kept, ...goodReport.related] }]);
  });

  it('checks the sender: reports only from content scripts in web pages, queries only from our pages', async () => {
    const report = { backstory: 1, type: 'articleSeen', data: goodReport };
    const query = { backstory: 1, type: 'getTimeline', data: { url: goodReport.url } };
    expect(await send(report, pageSender)).toMatchObject({ ok: false });
    expect(await send(report, { ...contentSender, id: 'another-extension' })).toMatchObject({ ok: false });
    expect(await send(report, { ...contentSender, url: 'file:///tmp/x.html' })).toMatchObject({ ok: false });
    expect(await send(query, contentSender)).toMatchObject({ ok: false });
    expect(await send(query, pageSender)).toEqual({
      ok: true,
      value: { status: 'not-recorded', storage: { mode: 'persistent' } },
    });
  });

  it('turns a handler failure into an error reply', async () => {
    const h = { ...handlers(), getTimeline: () => Promise.reject(new Error('disk full')) };
    const reply = await send(
      { backstory: 1, type: 'getTimeline', data: { url: goodReport.url } },
      pageSender,
      h,
    );
    expect(reply).toEqual({ ok: false, error: 'disk full' });
  });
});

describe('whenReady', () => {
  it('answers every message type once the real handlers are ready', async () => {
    let ready!: (h: Handlers) => void;
    const waiting = whenReady(new Promise<Handlers>((resolve) => (ready = resolve)));
    expect(Object.keys(waiting).sort()).toEqual(
      Object.keys(handlers())
        .filter((k) => k !== 'calls')
        .sort(),
    );
    const reply = waiting.openTimeline({ url: 'https://news.example/' }, contentSender);
    ready(handlers());
    expect(await reply).toEqual({ opened: true });
  });
});

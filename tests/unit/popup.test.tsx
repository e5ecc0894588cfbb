import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { PopupApp, type PopupApi } from '../../components/PopupApp';
import { PAGE_SIZE } from '../../components/Timeline';
import { URL_A, entry, fakeApi, okReply, story, view } from './fake-views';

function renderPopup(overrides: Partial<PopupApi> = {}) {
  const api = fakeApi(overrides);
  return { api, ...render(<PopupApp api={api} searchDelayMs={5} />) };
}

const earlierB = entry({
  url: 'https://news.example/b',
  headline: 'Two hours before',
  publishedAt: '2025-08-13T20:29:50Z',
  visited: false,
  isNew: true,
});
const earlierC = entry({
  url: 'https://other.example/c',
  headline: 'Days before',
  publishedAt: '2025-08-11T10:00:00Z',
  site: 'other.example',
  headlineHistory: [{ headline: 'First version of days before', seenAt: Date.UTC(2025, 7, 11, 11) }],
});
const laterD = entry({
  url: 'https://news.example/d',
  headline: 'Three hours after',
  publishedAt: '2025-08-14T01:29:50Z',
  visited: false,
});

describe('PopupApp', () => {
  it('shows a loading state first', () => {
    renderPopup({ getTimeline: () => new Promise(() => {}) });
    expect(screen.getByRole('status').textContent).toMatch(/Loading/);
    expect(document.querySelector('main')?.getAttribute('aria-busy')).toBe('true');
    expect(document.querySelector('main[data-ready]')).toBeNull();
  });

  it('says when the page is not a recorded article', async () => {
    renderPopup({
      getTimeline: () => Promise.resolve({ status: 'not-recorded', storage: { mode: 'persistent' } }),
    });
    expect(await screen.findByRole('heading', { name: 'Not an article' })).toBeTruthy();
    expect(document.querySelector('section[data-state="not-article"]')).toBeTruthy();
    expect(document.querySelector('main[data-ready="true"]')).toBeTruthy();
  });

  it('says so without asking the background for non-web pages', async () => {
    const getTimeline = vi.fn();
    renderPopup({ resolveUrl: () => Promise.resolve('chrome://extensions/'), getTimeline });
    expect(await screen.findByRole('heading', { name: 'Not an article' })).toBeTruthy();
    expect(getTimeline).not.toHaveBeenCalled();
  });

  it('shows errors with their reason', async () => {
    renderPopup({ getTimeline: () => Promise.reject(new Error('The database is not available')) });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The database is not available');
    expect(alert.getAttribute('data-state')).toBe('error');
  });

  it('has a clear empty state', async () => {
    renderPopup({ getTimeline: () => Promise.resolve(okReply(view({ story: story({ count: 1 }) }))) });
    expect(await screen.findByText(/No earlier coverage of this story yet/)).toBeTruthy();
    expect(document.querySelector('section[data-state="empty"]')).toBeTruthy();
    expect(screen.getAllByTestId('timeline-item')).toHaveLength(1);
  });

  it('heads the timeline with the story, its size and its span of days', async () => {
    renderPopup({ getTimeline: () => Promise.resolve(okReply(view({ earlier: [earlierB, earlierC] }))) });
    expect(await screen.findByRole('heading', { name: 'Summit diplomacy' })).toBeTruthy();
    expect(document.querySelector('.story-meta')?.textContent).toMatch(/^3 reports · .*11.*–.*13/);
    expect(screen.getByText('2 earlier reports of this story')).toBeTruthy();
  });

  it('lists later, current and earlier coverage newest first with day separators', async () => {
    renderPopup({
      getTimeline: () => Promise.resolve(okReply(view({ earlier: [earlierB, earlierC], later: [laterD] }))),
    });
    const items = await screen.findAllByTestId('timeline-item');
    expect(items.map((li) => li.querySelector('.headline')?.textContent)).toEqual([
      'Three hours after',
      'Current story',
      'Two hours before',
      'Days before',
    ]);
    expect(items.map((li) => li.dataset.current)).toEqual([undefined, 'true', undefined, undefined]);
    expect(items.every((li) => li.dataset.relation === 'story')).toBe(true);
    expect(items.map((li) => li.querySelector('.relative')?.textContent)).toEqual([
      '3 hours later',
      'This article',
      '2 hours earlier',
      '2 days earlier',
    ]);
    // Separators come between days, not between every entry (the zone decides the day boundaries).
    const days = document.querySelectorAll('.timeline > .day');
    expect(days.length).toBeGreaterThanOrEqual(2);
    expect(days.length).toBeLessThanOrEqual(3);
    expect(document.querySelector('.timeline')?.firstElementChild?.classList.contains('day')).toBe(true);
  });

  it('marks visited, only-listed and new entries', async () => {
    renderPopup({ getTimeline: () => Promise.resolve(okReply(view({ earlier: [earlierB, earlierC] }))) });
    const [current, b, c] = await screen.findAllByTestId('timeline-item');
    expect(c?.classList.contains('visited')).toBe(true);
    expect(c?.textContent).toContain('You read this');
    expect(b?.classList.contains('listed')).toBe(true);
    expect(b?.textContent).not.toContain('You read this');
    expect(b?.textContent).toContain('New since your last visit');
    expect(c?.textContent).not.toContain('New since your last visit');
    expect(current?.textContent).not.toContain('You read this');
    expect(current?.getAttribute('aria-current')).toBe('page');
    expect(c?.querySelector('.site')?.textContent).toBe('other.example');
    expect(b?.querySelector('time')?.getAttribute('datetime')).toBe('2025-08-13T20:29:50Z');
  });

  it('shows earlier headlines on demand', async () => {
    renderPopup({ getTimeline: () => Promise.resolve(okReply(view({ earlier: [earlierB, earlierC] }))) });
    const button = await screen.findByRole('button', { name: 'Headline changed' });
    expect(screen.getAllByRole('button', { name: 'Headline changed' })).toHaveLength(1);
    const versions = document.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(versions?.hidden).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('true'));
    expect(versions?.hidden).toBe(false);
    expect(versions?.textContent).toContain('First version of days before');
  });

  it('shows related stories on this theme as short threads', async () => {
    const theme = {
      story: story({ id: 's2', title: 'Sanctions', count: 7 }),
      entries: [entry({ url: 'https://news.example/t1', headline: 'Sanctions widen', visited: false })],
    };
    renderPopup({
      getTimeline: () => Promise.resolve(okReply(view({ earlier: [earlierB], themes: [theme] }))),
    });
    expect(await screen.findByRole('heading', { name: 'On this theme' })).toBeTruthy();
    const region = screen.getByRole('region', { name: 'Sanctions' });
    const items = within(region).getAllByTestId('timeline-item');
    expect(items).toHaveLength(1);
    expect(items[0]?.dataset.relation).toBe('theme');
    expect(region.textContent).toContain('7 reports');
  });

  it('opens the full timeline when asked', async () => {
    const openFullTimeline = vi.fn();
    renderPopup({ openFullTimeline });
    const button = await screen.findByRole('button', { name: 'Open full timeline' });
    expect(button.dataset.action).toBe('open-timeline');
    fireEvent.click(button);
    expect(openFullTimeline).toHaveBeenCalledWith(URL_A);
  });

  it('has no "open full timeline" button when it already is the full timeline', async () => {
    renderPopup();
    await screen.findAllByTestId('timeline-item');
    expect(screen.queryByRole('button', { name: 'Open full timeline' })).toBeNull();
  });

  it('explains in plain words when the history is only kept in memory', async () => {
    renderPopup({
      getTimeline: () =>
        Promise.resolve({
          status: 'ok',
          timeline: view(),
          storage: { mode: 'memory', reason: 'unavailable', detail: 'InvalidStateError' },
        }),
    });
    const note = await screen.findByRole('note');
    expect(note.textContent).toContain('not being saved');
    expect(note.textContent).toContain('private window');
    expect(note.textContent).toContain('InvalidStateError');
  });

  it('says nothing about storage when it is persistent', async () => {
    renderPopup();
    await screen.findAllByTestId('timeline-item');
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('renders page strings as text, never as markup', async () => {
    const hostile = '<img src=x onerror="alert(1)"><b>bold</b>';
    renderPopup({
      getTimeline: () =>
        Promise.resolve(
          okReply(
            view({ story: story({ title: hostile }), current: entry({ headline: hostile, site: hostile }) }),
          ),
        ),
    });
    const items = await screen.findAllByTestId('timeline-item');
    expect(items[0]?.querySelector('.headline')?.textContent).toBe(hostile);
    expect(document.querySelector('img, b')).toBeNull();
  });

  it('links only http(s) addresses', async () => {
    const sneaky = entry({ url: 'https://news.example/x', href: 'javascript:alert(1)', headline: 'Sneaky' });
    renderPopup({ getTimeline: () => Promise.resolve(okReply(view({ earlier: [sneaky] }))) });
    const items = await screen.findAllByTestId('timeline-item');
    expect(items[1]?.querySelector('a')).toBeNull();
    expect(items[1]?.querySelector('.headline')?.textContent).toBe('Sneaky');
    const link = items[0]?.querySelector('a');
    expect(link?.getAttribute('href')).toBe(URL_A);
    expect(link?.getAttribute('rel')).toContain('noopener');
  });
});

describe('PopupApp away from an article', () => {
  const notRecorded = () =>
    Promise.resolve({ status: 'not-recorded' as const, storage: { mode: 'persistent' as const } });

  it('shows the reader’s recent stories', async () => {
    const recent = [
      { story: story({ title: 'Summit diplomacy' }), entries: [earlierB, earlierC] },
      { story: story({ id: 's2', title: 'Heatwave', count: 1 }), entries: [laterD] },
    ];
    renderPopup({ getTimeline: notRecorded, getRecentStories: () => Promise.resolve(recent) });
    const stories = await screen.findAllByTestId('recent-story');
    expect(stories.map((s) => s.querySelector('h4')?.textContent)).toEqual(['Summit diplomacy', 'Heatwave']);
    expect(screen.getAllByTestId('recent-entry')).toHaveLength(3);
    expect(screen.queryAllByTestId('timeline-item')).toHaveLength(0);
  });

  it('has an empty state for a new reader', async () => {
    renderPopup({ getTimeline: notRecorded });
    expect(await screen.findByText(/Nothing here yet/)).toBeTruthy();
  });

  it('says when recent stories cannot be loaded', async () => {
    renderPopup({ getTimeline: notRecorded, getRecentStories: () => Promise.reject(new Error('boom')) });
    expect((await screen.findByRole('alert')).textContent).toContain('boom');
  });

  it('searches stored headlines once the reader stops typing', async () => {
    const searchHeadlines = vi.fn(() => Promise.resolve([earlierC]));
    renderPopup({ getTimeline: notRecorded, searchHeadlines });
    const box = await screen.findByRole('searchbox', { name: 'Search the headlines you have seen' });
    fireEvent.input(box, { target: { value: 'da' } });
    fireEvent.input(box, { target: { value: 'days' } });
    expect(await screen.findByText('1 headline found')).toBeTruthy();
    expect(searchHeadlines).toHaveBeenCalledTimes(1);
    expect(searchHeadlines).toHaveBeenCalledWith('days');
    expect(screen.getAllByTestId('search-result')[0]?.textContent).toContain('Days before');
  });

  it('says when nothing matches, and when search fails', async () => {
    const searchHeadlines = vi.fn((query: string) =>
      query === 'fail' ? Promise.reject(new Error('index gone')) : Promise.resolve([]),
    );
    renderPopup({ getTimeline: notRecorded, searchHeadlines });
    const box = await screen.findByRole('searchbox');
    fireEvent.input(box, { target: { value: 'zebra' } });
    expect(await screen.findByText('No headline matches “zebra”.')).toBeTruthy();
    fireEvent.input(box, { target: { value: 'fail' } });
    expect(await screen.findByText('Search failed: index gone')).toBeTruthy();
  });

  it('explains memory-only storage here too', async () => {
    renderPopup({
      getTimeline: () =>
        Promise.resolve({ status: 'not-recorded', storage: { mode: 'memory', reason: 'quota', detail: '' } }),
    });
    expect((await screen.findByRole('note')).textContent).toContain('storage space is full');
  });
});

describe('PopupApp with a very long story', () => {
  it('renders the first reports at once and the rest on request', async () => {
    const earlier = Array.from({ length: 150 }, (_, i) =>
      entry({ url: `https://news.example/e${i}`, headline: `Report ${i}`, publishedAt: '2025-08-01' }),
    );
    render(<PopupApp api={fakeApi({ getTimeline: () => Promise.resolve(okReply(view({ earlier }))) })} />);
    expect(await screen.findAllByTestId('timeline-item')).toHaveLength(PAGE_SIZE + 1);
    fireEvent.click(screen.getByRole('button', { name: `Show ${150 - PAGE_SIZE} more reports` }));
    await waitFor(() => expect(screen.getAllByTestId('timeline-item')).toHaveLength(151));
    expect(screen.queryByRole('button', { name: /more reports/ })).toBeNull();
  });

  it('asks the background for the rest of a long story only when the reader wants it', async () => {
    const reports = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        entry({ url: `https://news.example/e${i}`, headline: `Report ${i}`, publishedAt: '2025-08-01' }),
      );
    const getTimeline = vi.fn((_url: string, all?: boolean) =>
      Promise.resolve(
        okReply(
          all
            ? view({ earlier: reports(45), story: story({ count: 46 }) })
            : view({ earlier: reports(30), story: story({ count: 46 }), more: true }),
        ),
      ),
    );
    render(<PopupApp api={fakeApi({ getTimeline })} />);
    expect(await screen.findAllByTestId('timeline-item')).toHaveLength(31);
    expect(getTimeline).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Show 15 more reports' }));
    await waitFor(() => expect(screen.getAllByTestId('timeline-item')).toHaveLength(46));
    expect(getTimeline).toHaveBeenLastCalledWith(URL_A, true);
    expect(screen.queryByRole('button', { name: /more reports/ })).toBeNull();
  });
});

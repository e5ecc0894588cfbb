import { render, screen } from '@testing-library/preact';
import { PopupApp } from '../../components/PopupApp';
import type { TimelineEntry } from '../../utils/db/timeline';
import type { TimelineReply } from '../../utils/messaging/protocol';

const URL_A = 'https://news.example/a';

function entry(overrides: Partial<TimelineEntry>): TimelineEntry {
  return {
    url: URL_A,
    href: URL_A,
    headline: 'Current story',
    publishedAt: '2025-08-13T22:29:50Z',
    site: 'news.example',
    visited: true,
    ...overrides,
  };
}

function renderPopup(
  loadTimeline: () => Promise<TimelineReply>,
  url: string | null = URL_A,
  openInTab?: () => void,
) {
  return render(
    <PopupApp resolveUrl={() => Promise.resolve(url)} loadTimeline={loadTimeline} openInTab={openInTab} />,
  );
}

describe('PopupApp', () => {
  it('shows a loading state first', () => {
    renderPopup(() => new Promise(() => {}));
    expect(screen.getByRole('status').textContent).toMatch(/Loading/);
  });

  it('says when the page is not a recorded article', async () => {
    renderPopup(() => Promise.resolve({ status: 'not-recorded' }));
    expect(await screen.findByRole('heading', { name: 'Not an article' })).toBeTruthy();
  });

  it('says so without asking the background for non-web pages', async () => {
    const load = vi.fn();
    renderPopup(load, 'chrome://extensions/');
    expect(await screen.findByRole('heading', { name: 'Not an article' })).toBeTruthy();
    expect(load).not.toHaveBeenCalled();
  });

  it('shows errors with their reason', async () => {
    renderPopup(() => Promise.reject(new Error('The database is not available')));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The database is not available');
  });

  it('has a clear empty state', async () => {
    renderPopup(() => Promise.resolve({ status: 'ok', timeline: { current: entry({}), earlier: [] } }));
    expect(await screen.findByText(/No earlier coverage of this story yet/)).toBeTruthy();
    expect(screen.getAllByTestId('timeline-item')).toHaveLength(1);
  });

  it('lists earlier coverage with headline, site, time, relative offset and read marks', async () => {
    const earlier = [
      entry({
        url: 'https://news.example/b',
        href: 'https://news.example/b',
        headline: 'Two hours before',
        publishedAt: '2025-08-13T20:29:50Z',
        visited: false,
      }),
      entry({
        url: 'https://other.example/c',
        href: 'https://other.example/c',
        headline: 'Days before',
        publishedAt: '2025-08-11T10:00:00Z',
        site: 'other.example',
      }),
    ];
    const open = vi.fn();
    renderPopup(
      () => Promise.resolve({ status: 'ok', timeline: { current: entry({}), earlier } }),
      URL_A,
      open,
    );
    const items = await screen.findAllByTestId('timeline-item');
    expect(items).toHaveLength(3);
    expect(items[0]?.dataset.current).toBe('true');
    expect(items[1]?.dataset.current).toBeUndefined();
    expect(items.map((li) => li.querySelector('.headline')?.textContent)).toEqual([
      'Current story',
      'Two hours before',
      'Days before',
    ]);
    expect(items[1]?.querySelector('.relative')?.textContent).toBe('2 hours earlier');
    expect(items[2]?.querySelector('.relative')?.textContent).toBe('2 days earlier');
    expect(items[2]?.querySelector('.site')?.textContent).toBe('other.example');
    expect(items[2]?.textContent).toContain('You read this');
    expect(items[1]?.textContent).not.toContain('You read this');
    expect(items[1]?.querySelector('time')?.getAttribute('datetime')).toBe('2025-08-13T20:29:50Z');
    expect(screen.getByText('2 earlier reports of this story')).toBeTruthy();
    screen.getByRole('button', { name: 'Open in a tab' }).click();
    expect(open).toHaveBeenCalledWith(URL_A);
  });

  it('renders page strings as text, never as markup', async () => {
    const hostile = '<img src=x onerror="alert(1)"><b>bold</b>';
    renderPopup(() =>
      Promise.resolve({ status: 'ok', timeline: { current: entry({ headline: hostile }), earlier: [] } }),
    );
    const items = await screen.findAllByTestId('timeline-item');
    expect(items[0]?.querySelector('.headline')?.textContent).toBe(hostile);
    expect(document.querySelector('img, b')).toBeNull();
  });
});

import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { OverlayApp, type OverlayApi, pillLabel } from '../../components/OverlayApp';
import { wantsPill } from '../../entrypoints/content/overlay';
import type { ArticleSeenView } from '../../utils/db/views';
import { entry, okReply, view } from './fake-views';

function fakeOverlayApi(overrides: Partial<OverlayApi> = {}): OverlayApi {
  return {
    getTimeline: () =>
      Promise.resolve(okReply(view({ earlier: [entry({ url: 'https://news.example/b' })] }))),
    openTimeline: () => Promise.resolve({ opened: true }),
    disableSite: () => Promise.resolve({ site: 'news.example' }),
    remove: vi.fn(),
    ...overrides,
  };
}

function renderOverlay(overrides: Partial<OverlayApi> = {}, earlierCount = 5) {
  const api = fakeOverlayApi(overrides);
  render(
    <OverlayApp
      api={api}
      earlierCount={earlierCount}
      earliestMs={Date.UTC(2025, 7, 9, 12)}
      site="news.example"
    />,
  );
  return api;
}

const seen = (overrides: Partial<ArticleSeenView>): ArticleSeenView => ({
  enabled: true,
  overlayMode: 'earlier',
  earlierCount: 0,
  earliestMs: null,
  related: [],
  storage: { mode: 'persistent' },
  ...overrides,
});

describe('pill label', () => {
  it('counts earlier reports since the earliest one', () => {
    expect(pillLabel(5, Date.UTC(2025, 7, 9, 12))).toMatch(/^Backstory · 5 earlier reports since .*9/);
    expect(pillLabel(1, null)).toBe('Backstory · 1 earlier report');
    expect(pillLabel(0, null)).toBe('Backstory · no earlier reports yet');
  });
});

describe('overlay mode', () => {
  it.each([
    [seen({ earlierCount: 3 }), true],
    [seen({ earlierCount: 0 }), false],
    [seen({ earlierCount: 0, overlayMode: 'always' }), true],
    [seen({ earlierCount: 3, overlayMode: 'never' }), false],
    [seen({ earlierCount: 3, enabled: false }), false],
  ])('%o → %s', (reply, shown) => {
    expect(wantsPill(reply)).toBe(shown);
  });
});

describe('OverlayApp', () => {
  it('is a labelled pill with an open-timeline control', () => {
    renderOverlay();
    expect(screen.getByRole('complementary', { name: 'Backstory' })).toBeTruthy();
    const open = screen.getByRole('button', { name: 'Open the full timeline in a new tab' });
    expect(open.dataset.action).toBe('open-timeline');
    expect(screen.getByRole('button', { expanded: false }).textContent).toMatch(/5 earlier reports since/);
  });

  it('expands into the timeline and collapses with Escape', async () => {
    const getTimeline = vi.fn(() =>
      Promise.resolve(
        okReply(view({ earlier: [entry({ url: 'https://news.example/b', headline: 'Before' })] })),
      ),
    );
    renderOverlay({ getTimeline });
    const toggle = screen.getByRole('button', { expanded: false });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const items = await screen.findAllByTestId('timeline-item');
    expect(items.map((li) => li.dataset.current)).toEqual(['true', undefined]);
    expect(getTimeline).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(items[0] as HTMLElement, { key: 'Escape' });
    await waitFor(() => expect(toggle.getAttribute('aria-expanded')).toBe('false'));
    expect(screen.queryAllByTestId('timeline-item')).toHaveLength(0);
    expect(document.activeElement).toBe(toggle);
  });

  it('says when the timeline cannot be loaded', async () => {
    renderOverlay({ getTimeline: () => Promise.reject(new Error('no database')) });
    fireEvent.click(screen.getByRole('button', { expanded: false }));
    expect((await screen.findByRole('alert')).textContent).toContain('no database');
  });

  it('opens the full timeline, and says when it cannot', async () => {
    const openTimeline = vi.fn(() => Promise.reject(new Error('tabs unavailable')));
    renderOverlay({ openTimeline });
    fireEvent.click(screen.getByRole('button', { name: 'Open the full timeline in a new tab' }));
    expect(openTimeline).toHaveBeenCalled();
    await waitFor(() => expect(document.querySelector('.status')?.textContent).toContain('tabs unavailable'));
  });

  it('can be dismissed for the page', () => {
    const api = renderOverlay();
    fireEvent.click(screen.getByRole('button', { name: 'Hide Backstory on this page' }));
    expect(api.remove).toHaveBeenCalled();
  });

  it('can be turned off for the site', async () => {
    const disableSite = vi.fn(() => Promise.resolve({ site: 'news.example' }));
    renderOverlay({ disableSite });
    fireEvent.click(screen.getByRole('button', { expanded: false }));
    fireEvent.click(await screen.findByRole('button', { name: 'Turn off on news.example' }));
    expect(disableSite).toHaveBeenCalled();
    expect(await screen.findByText(/Backstory is now off on news.example/)).toBeTruthy();
  });
});

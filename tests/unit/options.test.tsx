import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { OptionsApp, type OptionsApi } from '../../components/OptionsApp';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/db/views';

function fakeApi(overrides: Partial<OptionsApi> = {}): OptionsApi {
  let settings: Settings = { ...DEFAULT_SETTINGS, disabledSites: ['quiet.example'] };
  return {
    getSettings: () => Promise.resolve(settings),
    setSettings: vi.fn((patch: Partial<Settings>) => Promise.resolve((settings = { ...settings, ...patch }))),
    getStats: () => Promise.resolve({ articles: 1234, stories: 56, storage: { mode: 'persistent' } }),
    exportData: () => Promise.resolve({ json: '{"articles":[]}', articles: 12 }),
    importData: vi.fn(() => Promise.resolve({ articles: 7 })),
    clearData: vi.fn(() => Promise.resolve({ cleared: true })),
    saveFile: vi.fn(),
    ...overrides,
  };
}

describe('OptionsApp', () => {
  it('says when the settings cannot be loaded', async () => {
    render(<OptionsApp api={fakeApi({ getSettings: () => Promise.reject(new Error('no background')) })} />);
    expect((await screen.findByRole('alert')).textContent).toContain('no background');
  });

  it('changes the overlay mode', async () => {
    const api = fakeApi();
    render(<OptionsApp api={api} />);
    const earlier = await screen.findByRole('radio', { name: /Only when there is earlier coverage/ });
    expect((earlier as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Never show it' }));
    await waitFor(() => expect(api.setSettings).toHaveBeenCalledWith({ overlayMode: 'never' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });

  it('lists, adds and removes sites where Backstory is off', async () => {
    const api = fakeApi();
    render(<OptionsApp api={api} />);
    expect(await screen.findByText('quiet.example')).toBeTruthy();
    const input = screen.getByRole('textbox', { name: /Site to turn off/ });
    fireEvent.input(input, { target: { value: 'https://www.Loud.example/path' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn off' }));
    await waitFor(() =>
      expect(api.setSettings).toHaveBeenCalledWith({ disabledSites: ['quiet.example', 'loud.example'] }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Turn back on for quiet.example' }));
    await waitFor(() =>
      expect(api.setSettings).toHaveBeenLastCalledWith({ disabledSites: ['loud.example'] }),
    );
  });

  it('sets and checks a retention limit', async () => {
    const api = fakeApi();
    render(<OptionsApp api={api} />);
    fireEvent.click(await screen.findByRole('radio', { name: /Keep at most/ }));
    const count = screen.getByRole('spinbutton', { name: /Number of articles/ });
    fireEvent.input(count, { target: { value: '50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save limit' }));
    expect(await screen.findByText(/at least 100/)).toBeTruthy();
    expect(api.setSettings).not.toHaveBeenCalled();
    fireEvent.input(count, { target: { value: '5000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save limit' }));
    await waitFor(() => expect(api.setSettings).toHaveBeenCalledWith({ retentionLimit: 5000 }));
  });

  it('shows storage stats and where the data lives', async () => {
    render(<OptionsApp api={fakeApi()} />);
    const stats = await screen.findByTestId('stats');
    await waitFor(() => expect(stats.textContent).toContain('1234 articles in 56 stories.'));
    expect(stats.textContent).toContain('IndexedDB on this device');
  });

  it('explains memory-only storage', async () => {
    render(
      <OptionsApp
        api={fakeApi({
          getStats: () =>
            Promise.resolve({
              articles: 3,
              stories: 1,
              storage: { mode: 'memory', reason: 'error', detail: '' },
            }),
        })}
      />,
    );
    expect((await screen.findByRole('note')).textContent).toContain('database reported an error');
  });

  it('exports to a file', async () => {
    const api = fakeApi();
    render(<OptionsApp api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export to a file' }));
    expect(await screen.findByText('Exported 12 articles.')).toBeTruthy();
    expect(api.saveFile).toHaveBeenCalledWith(
      expect.stringMatching(/^backstory-.*\.json$/),
      '{"articles":[]}',
    );
  });

  it('imports a file', async () => {
    const api = fakeApi();
    render(<OptionsApp api={api} />);
    const input = (await screen.findByLabelText('Import from a file')) as HTMLInputElement;
    const file = new File(['{"articles":[1]}'], 'backup.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    expect(await screen.findByText('Imported 7 articles.')).toBeTruthy();
    expect(api.importData).toHaveBeenCalledWith('{"articles":[1]}');
  });

  it('clears all data only after confirmation', async () => {
    const api = fakeApi();
    render(<OptionsApp api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Clear all data…' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('cannot be undone');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(api.clearData).not.toHaveBeenCalled();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Clear all data…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    expect(await screen.findByText('All data cleared.')).toBeTruthy();
    expect(api.clearData).toHaveBeenCalledTimes(1);
  });

  it('states plainly what is stored, where, and that nothing leaves the machine', async () => {
    render(<OptionsApp api={fakeApi()} />);
    const privacy = await screen.findByRole('region', { name: 'Privacy' });
    expect(privacy.textContent).toContain('IndexedDB');
    expect(privacy.textContent).toContain('Nothing leaves your machine');
  });
});

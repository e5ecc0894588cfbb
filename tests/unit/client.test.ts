import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../utils/messaging/client';

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('sendMessage', () => {
  it('retries when the background went away mid-message, then unwraps the reply', async () => {
    const send = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockRejectedValueOnce(new Error('The message port closed before a response was received.'))
      .mockResolvedValueOnce({ ok: true, value: { opened: true } } as never);
    expect(await sendMessage('openTimeline', { url: 'https://news.example/' })).toEqual({ opened: true });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('does not retry what the background refused, and gives its reason', async () => {
    const send = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockResolvedValue({ ok: false, error: 'Nope.' } as never);
    await expect(sendMessage('openTimeline', { url: 'https://news.example/' })).rejects.toThrow('Nope.');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('gives up after a few delivery failures', async () => {
    const send = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(sendMessage('openTimeline', { url: 'https://news.example/' })).rejects.toThrow(
      /Receiving end/,
    );
    expect(send).toHaveBeenCalledTimes(3);
  });
});

import { markRelated } from '../../entrypoints/content/markers';

describe('related-list marks', () => {
  beforeEach(() => {
    document.body.replaceChildren();
    const list = document.createElement('ul');
    for (const path of ['/a', '/b', '/c']) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `https://news.example${path}`;
      a.textContent = `Story ${path}`;
      li.append(a);
      list.append(li);
    }
    document.body.append(list);
  });

  const items = ['/a', '/b', '/c'].map((p) => ({
    title: p,
    url: `https://news.example${p}`,
    publishedAt: null,
  }));

  it('marks read and new items inside their own links, and removes them on abort', () => {
    const controller = new AbortController();
    const added = markRelated(
      document,
      items,
      [
        { url: items[0]!.url, read: true, isNew: false },
        { url: items[1]!.url, read: false, isNew: false },
        { url: items[2]!.url, read: false, isNew: true },
      ],
      controller.signal,
    );
    expect(added).toBe(2);
    const marks = [...document.querySelectorAll('backstory-mark')];
    expect(marks.map((m) => m.parentElement?.getAttribute('href'))).toEqual([
      'https://news.example/a',
      'https://news.example/c',
    ]);
    expect(marks.map((m) => m.shadowRoot?.querySelector('span')?.textContent)).toEqual([
      'read',
      'new since your last visit',
    ]);
    controller.abort();
    expect(document.querySelectorAll('backstory-mark')).toHaveLength(0);
  });

  it('adds nothing when nothing is read or new', () => {
    expect(markRelated(document, items, [], new AbortController().signal)).toBe(0);
    expect(document.querySelectorAll('backstory-mark')).toHaveLength(0);
  });
});

describe('related-list marks on pages that link an article twice', () => {
  it('go on the link that carries the item’s title', () => {
    document.body.replaceChildren();
    for (const text of ['Read more', 'Bridge closed for repairs']) {
      const a = document.createElement('a');
      a.href = 'https://news.example/bridge#top';
      a.textContent = text;
      document.body.append(a);
    }
    const item = {
      title: 'Bridge closed for repairs',
      url: 'https://news.example/bridge',
      publishedAt: null,
    };
    markRelated(
      document,
      [item],
      [{ url: item.url, read: true, isNew: false }],
      new AbortController().signal,
    );
    expect(document.querySelector('backstory-mark')?.parentElement?.textContent).toBe(
      'Bridge closed for repairs',
    );
  });
});

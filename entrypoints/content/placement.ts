/**
 * Where the pill goes: beside the headline in the page's margin, out of flow, so it neither covers
 * article text nor moves anything. Without a margin wide enough it sits in the viewport's corner.
 */
const GAP = 16;
const MIN_WIDTH = 180;
const MAX_WIDTH = 340;

export type Side = 'right' | 'left' | 'corner';

function headlineOf(doc: Document): Element | null {
  return doc.querySelector('article h1, main h1, [role="main"] h1, h1');
}

/**
 * Positions `box` (absolutely positioned, inside our shadow root) next to the headline.
 * Measures where `top: 0; left: 0` lands first, so any positioned ancestor the page gives
 * our host does not matter.
 */
export function place(box: HTMLElement, doc: Document): Side {
  const view = doc.documentElement.clientWidth;
  const headline = headlineOf(doc);
  const column = headline?.closest('article, main, [role="main"]') ?? headline?.parentElement ?? null;
  box.classList.remove('corner');
  Object.assign(box.style, { top: '0px', left: '0px', maxWidth: `${MAX_WIDTH}px` });
  if (headline && column) {
    const h = headline.getBoundingClientRect();
    const c = column.getBoundingClientRect();
    const right = Math.max(h.right, c.right);
    const left = Math.min(h.left, c.left);
    const origin = box.getBoundingClientRect();
    const room = { right: view - right - 2 * GAP, left: left - 2 * GAP };
    const side = room.right >= MIN_WIDTH ? 'right' : room.left >= MIN_WIDTH ? 'left' : null;
    if (side) {
      const width = Math.min(MAX_WIDTH, room[side]);
      const x = side === 'right' ? right + GAP : left - GAP - width;
      Object.assign(box.style, {
        top: `${h.top - origin.top}px`,
        left: `${x - origin.left}px`,
        width: `${width}px`,
        maxWidth: `${width}px`,
      });
      box.dataset.side = side;
      return side;
    }
  }
  Object.assign(box.style, { top: '', left: '', width: '', maxWidth: '' });
  box.classList.add('corner');
  box.dataset.side = 'corner';
  return 'corner';
}

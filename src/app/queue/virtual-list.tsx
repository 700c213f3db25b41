import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  label: string;
  keyOf: (item: T) => string;
  renderRow: (item: T) => ComponentChildren;
  /** Rows rendered beyond the visible ones, so fast flicks do not show gaps. */
  overscan?: number;
}

/**
 * Renders only the rows in view (and a few more) of a list that scrolls with the page, so 20,000
 * issues cost as much as 20. Screen readers still learn the list's size through aria-setsize.
 */
export function VirtualList<T>({ items, rowHeight, label, keyOf, renderRow, overscan = 8 }: VirtualListProps<T>) {
  const listRef = useRef<HTMLUListElement>(null);
  const [range, setRange] = useState({ start: 0, end: 30 });

  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const list = listRef.current;
      if (!list) return;
      const top = list.getBoundingClientRect().top;
      const start = Math.max(0, Math.floor(-top / rowHeight) - overscan);
      const end = Math.min(items.length, Math.ceil((window.innerHeight - top) / rowHeight) + overscan);
      setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [items.length, rowHeight, overscan]);

  const visible = items.slice(range.start, Math.max(range.start, range.end));
  return (
    <ul class="virtual-list" aria-label={label} ref={listRef} style={{ height: `${items.length * rowHeight}px` }}>
      {visible.map((item, i) => (
        <li
          key={keyOf(item)}
          aria-setsize={items.length}
          aria-posinset={range.start + i + 1}
          style={{ transform: `translateY(${(range.start + i) * rowHeight}px)`, height: `${rowHeight}px` }}
        >
          {renderRow(item)}
        </li>
      ))}
    </ul>
  );
}

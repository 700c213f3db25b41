import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { markFirstScreenShown } from '../first-screen';

interface ScreenProps {
  title: string;
  children?: ComponentChildren;
}

/**
 * Every screen has one h1; it takes focus on arrival so screen readers announce the new screen
 * after a client-side navigation, as they would after a page load.
 */
export function Screen({ title, children }: ScreenProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Helptent`;
    if (document.activeElement && document.activeElement !== document.body) heading.current?.focus();
  }, [title]);
  useEffect(markFirstScreenShown, []);
  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </section>
  );
}

// After a route change the page heading gets the focus (so a screen reader reads where the user
// landed, and Tab continues from the top of the new page) and the window title names the screen.
// Screens that load their data first render their h1 a moment later: wait for it.
import { useEffect, useRef, type RefObject } from 'react';

export const titleOf = (screen: string, app: string): string => `${screen} – ${app}`;

function focusHeading(main: HTMLElement): boolean {
  const h = main.querySelector('h1');
  if (!h) return false;
  h.tabIndex = -1;
  h.focus();
  // A heading that cannot take the focus (still hidden while the next screen loads) does not count.
  return document.activeElement === h;
}

export function useRouteFocus(main: RefObject<HTMLElement | null>, routeKey: string, title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);

  const first = useRef(true);
  useEffect(() => {
    // The first screen after start keeps the browser's own start (and the skip link first).
    if (first.current) {
      first.current = false;
      return;
    }
    const el = main.current;
    if (!el || focusHeading(el)) return;
    // Wait for the heading as long as the user has not moved on (clicked or typed elsewhere).
    const before = document.activeElement;
    const observer = new MutationObserver(() => {
      const now = document.activeElement;
      if (now !== before && now !== document.body) observer.disconnect();
      else if (focusHeading(el)) observer.disconnect();
    });
    observer.observe(el, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [main, routeKey]);
}

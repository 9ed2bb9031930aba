// Code loaded on first use: a screen, a detail page or a form gets its own chunk, so the first
// screen starts without parsing what it does not show (docs/performance.md, "UI start").
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A lazily loaded named export (React.lazy wants a default export). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own constraint
export function lazyNamed<M extends Record<K, ComponentType<any>>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

// Hash routes (#/klanten, #/klanten/nieuw, #/klanten/<id>, ...): no router library needed for a
// desktop app with a handful of screens, and links keep working in both shells. The start
// screen is Mijn werk.
import { create } from 'zustand';

export type Section =
  | 'mijn-werk'
  | 'klanten'
  | 'werkgevers'
  | 'vacatures'
  | 'plaatsingen'
  | 'rapportages'
  | 'export'
  | 'synchronisatie'
  | 'beheer';
export const SECTIONS: Section[] = [
  'mijn-werk',
  'klanten',
  'werkgevers',
  'vacatures',
  'plaatsingen',
  'rapportages',
  'export',
  'synchronisatie',
  'beheer',
];

export interface Route {
  section: Section;
  /** The rest of the path, e.g. ['nieuw'] or [clientId]. */
  rest: string[];
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const section = (SECTIONS as string[]).includes(parts[0] ?? '') ? (parts[0] as Section) : 'mijn-werk';
  return { section, rest: parts.slice(1) };
}

export function hrefOf(section: Section, ...rest: string[]): string {
  return `#/${[section, ...rest].map(encodeURIComponent).join('/')}`;
}

interface RouteState {
  route: Route;
  go(section: Section, ...rest: string[]): void;
  sync(): void;
}

export const useRoute = create<RouteState>((set) => ({
  route: parseHash(typeof window === 'undefined' ? '' : window.location.hash),
  go(section, ...rest) {
    window.location.hash = hrefOf(section, ...rest);
    set({ route: { section, rest } });
  },
  sync() {
    const route = parseHash(window.location.hash);
    // Unchanged: keep the same object, so nothing renders again.
    set((s) => (hrefOf(s.route.section, ...s.route.rest) === hrefOf(route.section, ...route.rest) ? s : { route }));
  },
}));

// The client list's search, kept while the user opens a client and comes back (UI state only:
// the rows are a query, data/hooks.ts).
import { create } from 'zustand';

interface ClientSearchState {
  query: string;
  onlyCaseload: boolean;
  set(query: string, onlyCaseload: boolean): void;
}

export const useClientSearch = create<ClientSearchState>((set) => ({
  query: '',
  onlyCaseload: false,
  set(query, onlyCaseload) {
    set({ query, onlyCaseload });
  },
}));

// The client list: the current search, its loaded pages and the keyset cursor for the next one.
// Responses that arrive after a newer search started are dropped (search-as-you-type).
import { create } from 'zustand';
import type { ClientListItem } from '../../db/model/clients.js';
import type { Bridge } from '../bridge.js';

interface ClientsState {
  query: string;
  onlyCaseload: boolean;
  items: ClientListItem[];
  total: number;
  next: string | null;
  loading: boolean;
  error: string | null;
  generation: number;
  search(bridge: Bridge, query: string, onlyCaseload?: boolean): Promise<void>;
  loadMore(bridge: Bridge): Promise<void>;
}

const PAGE = 100;

export const useClients = create<ClientsState>((set, get) => ({
  query: '',
  onlyCaseload: false,
  items: [],
  total: 0,
  next: null,
  loading: false,
  error: null,
  generation: 0,
  async search(bridge, query, onlyCaseload = get().onlyCaseload) {
    const generation = get().generation + 1;
    set({ query, onlyCaseload, loading: true, generation });
    const r = await bridge.call('clients.search', { query, limit: PAGE, after: null, onlyCaseload });
    if (get().generation !== generation) return;
    if (r.ok) set({ items: r.value.items, total: r.value.total, next: r.value.next, loading: false, error: null });
    else set({ loading: false, error: r.error.message });
  },
  async loadMore(bridge) {
    const { next, loading, query, onlyCaseload, generation } = get();
    if (!next || loading) return;
    set({ loading: true });
    const r = await bridge.call('clients.search', { query, limit: PAGE, after: next, onlyCaseload });
    if (get().generation !== generation) return;
    if (r.ok)
      set({ items: [...get().items, ...r.value.items], next: r.value.next, total: r.value.total, loading: false });
    else set({ loading: false, error: r.error.message });
  },
}));

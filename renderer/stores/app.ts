// Who and where we are (app.info), loaded at start and after every data change.
import { create } from 'zustand';
import type { Output } from '../../db/api/contract.js';
import type { Bridge } from '../bridge.js';

type Info = Output<'app.info'>;

interface AppState {
  bridge: Bridge | null;
  info: Info | null;
  error: string | null;
  /** The first-start offer was answered in this session. */
  firstStartDone: boolean;
  init(bridge: Bridge): Promise<void>;
  refresh(): Promise<void>;
  finishFirstStart(): void;
}

export const useApp = create<AppState>((set, get) => ({
  bridge: null,
  info: null,
  error: null,
  firstStartDone: false,
  async init(bridge) {
    set({ bridge });
    bridge.on('data.changed', () => void get().refresh());
    await get().refresh();
  },
  async refresh() {
    const bridge = get().bridge;
    if (!bridge) return;
    const r = await bridge.call('app.info', {});
    if (r.ok) set({ info: r.value, error: null });
    else set({ error: r.error.message });
  },
  finishFirstStart() {
    set({ firstStartDone: true });
  },
}));

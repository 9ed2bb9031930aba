// UI state of the session that is no data: whether the first-start offer was answered. Who and
// where we are (app.info) is a query like every other read (data/hooks.ts, useInfo).
import { create } from 'zustand';

interface AppState {
  /** The first-start offer was answered in this session. */
  firstStartDone: boolean;
  finishFirstStart(): void;
}

export const useApp = create<AppState>((set) => ({
  firstStartDone: false,
  finishFirstStart() {
    set({ firstStartDone: true });
  },
}));

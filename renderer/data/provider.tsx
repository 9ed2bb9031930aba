// The one place where screens get the bridge: a React context for the transport and TanStack
// Query's client for every read. Backend events invalidate only the queries they affect
// (data/kinds.ts); a restored backup or a switched user refetches everything.
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { EventName, MethodName } from '../../db/api/contract.js';
import type { Bridge } from '../bridge.js';
import { affected, kindsChanged } from './kinds.js';

const BridgeContext = createContext<Bridge | null>(null);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The backend is local and says when data changes: no retries, no polling, no refetch on focus.
      queries: { retry: false, staleTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}

/** Refetches the active queries a `data.changed` payload affects; returns the unsubscribe. */
export function invalidateOnEvents(bridge: Bridge, client: QueryClient): () => void {
  const offChanged = bridge.on('data.changed', (payload) => {
    const changed = kindsChanged(payload);
    void client.invalidateQueries({ predicate: (q) => affected(q.queryKey[0] as MethodName, changed) });
  });
  const offRestored = bridge.on('backup.restored', () => void client.invalidateQueries());
  return () => {
    offChanged();
    offRestored();
  };
}

export function BridgeProvider(props: { bridge: Bridge; client?: QueryClient; children: ReactNode }) {
  const [client] = useState(() => props.client ?? createQueryClient());
  useEffect(() => invalidateOnEvents(props.bridge, client), [props.bridge, client]);
  return (
    <BridgeContext.Provider value={props.bridge}>
      <QueryClientProvider client={client}>{props.children}</QueryClientProvider>
    </BridgeContext.Provider>
  );
}

export function useBridge(): Bridge {
  const b = useContext(BridgeContext);
  if (!b) throw new Error('BridgeProvider ontbreekt');
  return b;
}

/** Prints the current page: saved as PDF in Electron, the print dialog in the browser. */
export function usePrint(): (name: string) => void {
  const bridge = useBridge();
  return (name) => {
    if (bridge.printToPdf) void bridge.printToPdf({ name });
    else window.print();
  };
}

/** Saving the page as PDF: only Electron can (in the browser, the print dialog offers it). */
export function useSavePdf(): ((name: string) => void) | null {
  const bridge = useBridge();
  const pdf = bridge.printToPdf;
  return pdf ? (name) => void pdf({ name }) : null;
}

/** Listens to a backend event while the component is shown. */
export function useEvent(event: EventName, cb: (payload: unknown) => void): void {
  const bridge = useBridge();
  const latest = useRef(cb);
  useEffect(() => {
    latest.current = cb;
  });
  useEffect(() => bridge.on(event, (p) => latest.current(p)), [bridge, event]);
}

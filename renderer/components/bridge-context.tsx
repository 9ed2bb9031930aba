// The bridge reaches screens through context, so tests can hand in their own transport.
import { createContext, useContext, type ReactNode } from 'react';
import type { Bridge } from '../bridge.js';

const BridgeContext = createContext<Bridge | null>(null);

export function BridgeProvider(props: { bridge: Bridge; children: ReactNode }) {
  return <BridgeContext.Provider value={props.bridge}>{props.children}</BridgeContext.Provider>;
}

export function useBridge(): Bridge {
  const b = useContext(BridgeContext);
  if (!b) throw new Error('BridgeProvider ontbreekt');
  return b;
}

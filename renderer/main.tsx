import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/index.js';
import './styles/tokens.css';
import './styles/app.css';
import './styles/work.css';
import { App } from './App.js';
import { createBridge } from './bridge.js';
import { BridgeProvider } from './data/provider.js';
import { useRoute } from './stores/route.js';

const bridge = createBridge();
useRoute.getState().sync();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BridgeProvider bridge={bridge}>
      <App />
    </BridgeProvider>
  </StrictMode>,
);

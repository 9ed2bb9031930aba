// First start with an empty database: offer demo data or an empty start, in a modal dialog.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../data/hooks.js';
import { useApp } from '../stores/app.js';
import { useRoute } from '../stores/route.js';

export function FirstStart() {
  const { t } = useTranslation();
  const call = useCommand();
  const finish = useApp((s) => s.finishFirstStart);
  const go = useRoute((s) => s.go);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);

  const loadDemo = async () => {
    setBusy(true);
    const r = await call('demo.load', { clients: 300, seed: 1 });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    finish();
  };

  // An empty start leads to Klanten, where the first client is registered.
  const startEmpty = () => {
    finish();
    go('klanten');
  };

  return (
    <div className="dialog-backdrop">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="first-start-title"
        aria-describedby="first-start-text"
        className="dialog"
      >
        <h2 id="first-start-title">{t('firstStart.title')}</h2>
        <p id="first-start-text">{t('firstStart.text')}</p>
        {error && (
          <p role="alert" className="error-text">
            {t('app.error', { message: error })}
          </p>
        )}
        <div className="button-row">
          <button ref={first} type="button" className="button primary" disabled={busy} onClick={() => void loadDemo()}>
            {busy ? t('firstStart.loading') : t('firstStart.demo')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={startEmpty}>
            {t('firstStart.empty')}
          </button>
        </div>
      </div>
    </div>
  );
}

// The Export screen (EXPORTS.md): the queue "nog in te voeren in WBS / GWS4all" one click away,
// export batches per target, and the export profiles.
import { useState } from 'react';
import { BatchPanel } from './BatchPanel.js';
import { EntryQueue } from './EntryQueue.js';
import { ProfileEditor } from './ProfileEditor.js';
import { T } from '../../i18n/export.js';
import './export.css';

type Tab = 'queue' | 'batches' | 'profiles';

export function ExportScreen() {
  const [tab, setTab] = useState<Tab>('queue');
  const [target, setTarget] = useState<'wbs' | 'gws'>('wbs');
  const tabs: [Tab, string][] = [
    ['queue', T.tabQueue],
    ['batches', T.tabBatches],
    ['profiles', T.tabProfiles],
  ];
  return (
    <div className="screen export-screen">
      <div className="screen-head">
        <h1>{T.title}</h1>
      </div>
      <div role="tablist" className="button-row">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            className={tab === id ? 'button primary' : 'button'}
            aria-selected={tab === id}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      {tab === 'queue' && (
        <>
          <div role="radiogroup" aria-label="Doelsysteem">
            {(['wbs', 'gws'] as const).map((t) => (
              <label key={t}>
                <input type="radio" name="export-target" checked={target === t} onChange={() => setTarget(t)} />
                {t === 'wbs' ? T.targetWbs : T.targetGws}
              </label>
            ))}
          </div>
          <EntryQueue target={target} targetLabel={target === 'wbs' ? T.targetWbs : T.targetGws} />
        </>
      )}
      {tab === 'batches' && <BatchPanel />}
      {tab === 'profiles' && <ProfileEditor />}
    </div>
  );
}

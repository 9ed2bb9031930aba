// Mijn werk, the start screen: follow-ups and nazorg due, buitengewone werkgevers not contacted
// in 90 days, clients without a running activity, referrals without intake. Sections come in the
// order of the user's role; every item links to its record; a follow-up is handled by recording
// the contact (with a new follow-up date) right here.
import { Suspense, useState, type ReactNode } from 'react';
import { create } from 'zustand';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../stores/route.js';
import { formatDateNl } from '../../format.js';
import { Card, Status } from '../../components/Card.js';
import { codeLabel } from '../../format.js';
import { useCall } from '../../data/hooks.js';
import { lazyNamed } from '../../components/lazy.js';
import type { Output } from '../../../db/api/contract.js';

// The forms load on first use: the start screen shows without them.
const QuickContact = lazyNamed(() => import('../clients/QuickContact.js'), 'QuickContact');
const CaseloadHandover = lazyNamed(() => import('./CaseloadHandover.js'), 'CaseloadHandover');

type MyWork = Output<'mywork.get'>;
type FollowUp = MyWork['followUps']['items'][number];
type Signal = MyWork['signals']['items'][number];

function SignalText(props: { s: Signal }) {
  const { t } = useTranslation();
  const { s } = props;
  const date = formatDateNl(s.date);
  switch (s.kind) {
    case 'no_contact':
      return <>{s.date ? t('mywork.signal.no_contact', { date }) : t('mywork.signal.no_contact_never')}</>;
    case 'activity_ending':
      return <>{t('mywork.signal.activity_ending', { date, about: codeLabel('activity_kind', s.about) })}</>;
    case 'register_check':
      return <>{s.date ? t('mywork.signal.register_check', { date }) : t('mywork.signal.register_check_never')}</>;
    default:
      return <>{t(`mywork.signal.${s.kind}`, { date, about: s.about ?? '' })}</>;
  }
}

function Party(props: { f: FollowUp }) {
  const { f } = props;
  if (f.client) return <a href={hrefOf('klanten', f.client.id)}>{f.client.name}</a>;
  if (f.employer) return <a href={hrefOf('werkgevers', f.employer.id)}>{f.employer.name}</a>;
  return null;
}

function FollowUps(props: { items: FollowUp[]; kind: 'followUps' | 'nazorg'; onDone(m: string): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('mywork.col.due')}</th>
          <th scope="col">{t('mywork.col.who')}</th>
          <th scope="col">{t('mywork.col.about')}</th>
          <th scope="col">{t('mywork.col.action')}</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((f) => (
          <FollowUpRow
            key={f.contactId}
            f={f}
            open={open === f.contactId}
            onToggle={() => setOpen(open === f.contactId ? null : f.contactId)}
            onDone={(m) => {
              setOpen(null);
              props.onDone(m);
            }}
            kind={props.kind}
          />
        ))}
      </tbody>
    </table>
  );
}

function FollowUpRow(props: { f: FollowUp; open: boolean; onToggle(): void; onDone(m: string): void; kind: string }) {
  const { t } = useTranslation();
  const { f } = props;
  const party = f.client ? { clientId: f.client.id } : f.employer ? { employerId: f.employer.id } : null;
  return (
    <>
      <tr>
        <td>
          {formatDateNl(f.follow_up_date)}
          {f.daysOverdue > 0 && (
            <span className="badge badge-out"> {t('mywork.overdue', { count: f.daysOverdue })}</span>
          )}
        </td>
        <td>
          <Party f={f} />
        </td>
        <td>{f.summary ?? codeLabel('contact_kind', f.kind)}</td>
        <td>
          {party && (
            <button type="button" className="button small" aria-expanded={props.open} onClick={props.onToggle}>
              {t('mywork.record')}
              <span className="visually-hidden"> {f.client?.name ?? f.employer?.name}</span>
            </button>
          )}
        </td>
      </tr>
      {props.open && party && (
        <tr>
          <td colSpan={4}>
            <Suspense fallback={<p>{t('app.loading')}</p>}>
              <QuickContact
                party={party}
                resolves={f.contactId}
                idPrefix={`mw-${props.kind}`}
                onDone={props.onDone}
                onCancel={props.onToggle}
              />
            </Suspense>
          </td>
        </tr>
      )}
    </>
  );
}

const FIRST = 10;

/** A section shows its first ten items; "Toon alle" opens the rest that was loaded (up to 100). */
function Section<T>(props: { id: string; title: string; total: number; items: T[]; children(items: T[]): ReactNode }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? props.items : props.items.slice(0, FIRST);
  return (
    <Card
      id={props.id}
      title={`${props.title} (${props.total})`}
      actions={
        props.items.length > FIRST && (
          <button type="button" className="button small" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? t('mywork.showFewer') : t('mywork.showAll', { count: props.items.length })}
          </button>
        )
      }
    >
      {props.total === 0 ? <p className="muted">{t('mywork.nothing')}</p> : props.children(shown)}
      {props.total > shown.length && (
        <p className="muted">{t('mywork.more', { shown: shown.length, total: props.total })}</p>
      )}
    </Card>
  );
}

// The scope survives leaving and reopening Mijn werk within the session.
const useScope = create<{ scope: 'mine' | 'all'; set(scope: 'mine' | 'all'): void }>((set) => ({
  scope: 'mine',
  set: (scope) => set({ scope }),
}));

export function MyWorkScreen(props: { rest?: string[] } = {}) {
  if (props.rest?.[0] === 'overdracht') return <CaseloadHandover from={props.rest[1]} />;
  return <MyWorkToday />;
}

function MyWorkToday() {
  const { t } = useTranslation();
  const { scope, set: setScope } = useScope();
  const [notice, setNotice] = useState<string | null>(null);
  const { data, error } = useCall('mywork.get', { scope, limit: 100 });

  const render = (key: string, w: MyWork): ReactNode => {
    switch (key) {
      case 'followUps':
        return (
          <Section
            key={key}
            id="mw-followups"
            title={t('mywork.followUps')}
            total={w.followUps.total}
            items={w.followUps.items}
          >
            {(items) => <FollowUps items={items} kind="followUps" onDone={setNotice} />}
          </Section>
        );
      case 'nazorg':
        return (
          <Section key={key} id="mw-nazorg" title={t('mywork.nazorg')} total={w.nazorg.total} items={w.nazorg.items}>
            {(items) => <FollowUps items={items} kind="nazorg" onDone={setNotice} />}
          </Section>
        );
      case 'employers':
        return (
          <Section
            key={key}
            id="mw-employers"
            title={t('mywork.employers')}
            total={w.employers.total}
            items={w.employers.items}
          >
            {(items) => (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('mywork.col.employer')}</th>
                    <th scope="col">{t('mywork.col.lastContact')}</th>
                    <th scope="col">{t('mywork.col.manager')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((e) => (
                    <tr key={e.id}>
                      <td>
                        <a href={hrefOf('werkgevers', e.id)}>{e.name}</a>
                      </td>
                      <td>
                        {e.last_contact
                          ? t('mywork.daysAgo', { date: formatDateNl(e.last_contact), count: e.daysSince ?? 0 })
                          : t('mywork.never')}
                      </td>
                      <td>{e.account_manager ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Section>
        );
      case 'idleClients':
        return (
          <Section
            key={key}
            id="mw-idle"
            title={t('mywork.idle')}
            total={w.idleClients.total}
            items={w.idleClients.items}
          >
            {(items) => (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('mywork.col.client')}</th>
                    <th scope="col">{t('mywork.col.intake')}</th>
                    <th scope="col">{t('mywork.col.lastActivity')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <a href={hrefOf('klanten', c.id)}>{c.name}</a>{' '}
                        {c.under27 && <span className="badge badge-in">{t('work.under27')}</span>}
                      </td>
                      <td>{formatDateNl(c.intake_date)}</td>
                      <td>{c.last_activity_end ? formatDateNl(c.last_activity_end) : t('mywork.never')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Section>
        );
      case 'referrals':
        return (
          <Section
            key={key}
            id="mw-referrals"
            title={t('mywork.referrals')}
            total={w.referrals.total}
            items={w.referrals.items}
          >
            {(items) => (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('mywork.col.client')}</th>
                    <th scope="col">{t('mywork.col.referred')}</th>
                    <th scope="col">{t('mywork.col.referrer')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((c) => (
                    <tr key={c.periodId}>
                      <td>
                        <a href={hrefOf('klanten', c.id)}>{c.name}</a>
                      </td>
                      <td>{t('mywork.waiting', { date: formatDateNl(c.intake_date), count: c.daysWaiting })}</td>
                      <td>{codeLabel('referrer', c.referrer)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Section>
        );
      case 'signals':
        return (
          <Section
            key={key}
            id="mw-signals"
            title={t('mywork.signals')}
            total={w.signals.total}
            items={w.signals.items}
          >
            {(items) => (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('mywork.col.client')}</th>
                    <th scope="col">{t('mywork.col.about')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((s, i) => (
                    <tr key={`${s.kind}-${s.client.id}-${i}`}>
                      <td>
                        <a href={hrefOf('klanten', s.client.id)}>{s.client.name}</a>
                      </td>
                      <td>
                        <SignalText s={s} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Section>
        );
      default:
        return null;
    }
  };

  return (
    <section aria-labelledby="mywork-title" className="screen">
      <div className="screen-head">
        <h1 id="mywork-title">{t('mywork.title')}</h1>
        <fieldset className="filters">
          <legend className="visually-hidden">{t('mywork.scope')}</legend>
          <label className="checkbox">
            <input type="radio" name="mw-scope" checked={scope === 'mine'} onChange={() => setScope('mine')} />{' '}
            {t('mywork.mine')}
          </label>
          <label className="checkbox">
            <input type="radio" name="mw-scope" checked={scope === 'all'} onChange={() => setScope('all')} />{' '}
            {t('mywork.all')}
          </label>
        </fieldset>
      </div>
      {data && <p className="muted">{t('mywork.asOf', { date: formatDateNl(data.asOf) })}</p>}
      <p className="no-print">
        <a href={hrefOf('mijn-werk', 'overdracht')}>{t('handover.link')}</a>
      </p>
      <Status text={notice} />
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {data && <div className="stack">{data.sections.map((s) => render(s, data))}</div>}
    </section>
  );
}

// Page building blocks: a titled card, a status or warning line, and the "Meer laden" button of
// keyset-paged lists.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A titled card section; `actions` sits next to the heading. */
export function Card(props: { id: string; title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={props.id}>
      <div className="card-head">
        <h2 id={props.id}>{props.title}</h2>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
}

export function Status(props: { text: string | null; error?: boolean }) {
  if (!props.text) return null;
  return (
    <p role={props.error ? 'alert' : 'status'} className={props.error ? 'notice warning' : 'notice success'}>
      {props.text}
    </p>
  );
}

export function MoreButton(props: { next: string | null; onMore(): void }) {
  const { t } = useTranslation();
  if (!props.next) return null;
  return (
    <p>
      <button type="button" className="button" onClick={props.onMore}>
        {t('work.more')}
      </button>
    </p>
  );
}

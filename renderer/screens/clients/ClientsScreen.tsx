// Klanten: the searchable list, "Nieuwe klant", and a client's page.
import { useTranslation } from 'react-i18next';
import { ClientList } from './ClientList.js';
import { lazyNamed } from '../../components/lazy.js';
import { useCall } from '../../data/hooks.js';

// A client's page and the form load on first use: the list starts without them.
const ClientForm = lazyNamed(() => import('./ClientForm.js'), 'ClientForm');
const ClientDetail = lazyNamed(() => import('./ClientDetail.js'), 'ClientDetail');

function ClientEdit(props: { id: string }) {
  const { t } = useTranslation();
  const q = useCall('clients.get', { id: props.id });
  if (q.error)
    return (
      <section className="screen">
        <h1>{t('form.editTitle')}</h1>
        <p role="alert" className="error-text">
          {q.error}
        </p>
      </section>
    );
  return q.data ? <ClientForm client={q.data} /> : <p>{t('app.loading')}</p>;
}
import { hrefOf } from '../../stores/route.js';
import { useMay } from '../../access.js';

export function ClientsScreen(props: { rest: string[] }) {
  const { t } = useTranslation();
  const [first] = props.rest;
  const mayCreate = useMay('clients.create');
  if (first === 'nieuw') return <ClientForm />;
  if (first && props.rest[1] === 'wijzigen') return <ClientEdit id={first} />;
  if (first) return <ClientDetail id={first} notice={props.rest[1]} />;
  return (
    <section aria-labelledby="clients-title" className="screen fill">
      <div className="screen-head">
        <h1 id="clients-title">{t('clients.title')}</h1>
        {mayCreate && (
          <a className="button primary" href={hrefOf('klanten', 'nieuw')}>
            {t('clients.newClient')}
          </a>
        )}
      </div>
      <ClientList />
    </section>
  );
}

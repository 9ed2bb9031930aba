// The app frame: header (app, user, laptop), main navigation, and the screen of the route.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from './stores/app.js';
import { hrefOf, useRoute, type Section } from './stores/route.js';
import { FirstStart } from './components/FirstStart.js';
import { NewPassphrase, SignIn } from './components/SignIn.js';
import { mayCall } from './access.js';
import type { MethodName } from '../db/api/contract.js';
import type { Role } from '../db/model/roles.js';
import { Placeholder } from './components/Placeholder.js';
import { ClientsScreen } from './screens/clients/ClientsScreen.js';
import { ExportScreen } from './screens/export/ExportScreen.js';
import { SyncScreen } from './screens/sync/SyncScreen.js';
import { ReportsScreen } from './screens/reports/ReportsScreen.js';
import { useBridge } from './components/bridge-context.js';
import { MyWorkScreen } from './screens/mywork/MyWorkScreen.js';
import { EmployersScreen } from './screens/employers/EmployersScreen.js';
import { VacanciesScreen } from './screens/vacancies/VacanciesScreen.js';
import { PlacementsScreen } from './screens/placements/PlacementsScreen.js';
import { AdminScreen } from './screens/admin/AdminScreen.js';

type NavKey = 'mywork' | 'clients' | 'employers' | 'vacancies' | 'placements' | 'reports' | 'export' | 'sync' | 'admin';
/** Per section, a method its screen cannot do without: a role that may not call it does not see the section. */
const NEEDS: Partial<Record<Section, MethodName>> = {
  beheer: 'session.users',
  export: 'exports.overview',
  synchronisatie: 'sync.status',
};
const NAV: [Section, NavKey][] = [
  ['mijn-werk', 'mywork'],
  ['klanten', 'clients'],
  ['werkgevers', 'employers'],
  ['vacatures', 'vacancies'],
  ['plaatsingen', 'placements'],
  ['rapportages', 'reports'],
  ['export', 'export'],
  ['synchronisatie', 'sync'],
  ['beheer', 'admin'],
];

function Screen(props: { section: Section; rest: string[] }): ReactNode {
  const { t } = useTranslation();
  const bridge = useBridge();
  switch (props.section) {
    case 'mijn-werk':
      return <MyWorkScreen />;
    case 'klanten':
      return <ClientsScreen rest={props.rest} />;
    case 'werkgevers':
      return <EmployersScreen rest={props.rest} />;
    case 'vacatures':
      return <VacanciesScreen rest={props.rest} />;
    case 'plaatsingen':
      return <PlacementsScreen />;
    case 'beheer':
      return <AdminScreen />;
    case 'export':
      return <ExportScreen api={bridge} />;
    case 'synchronisatie':
      return <SyncScreen api={bridge} />;
    case 'rapportages':
      return <ReportsScreen api={bridge} rest={props.rest} />;
    default: {
      const key = NAV.find(([s]) => s === props.section)![1];
      return <Placeholder title={t(`nav.${key}`)} />;
    }
  }
}

export function App() {
  const { t } = useTranslation();
  const { info, error, firstStartDone, refresh } = useApp();
  const bridge = useBridge();
  const { route, sync } = useRoute();
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, [sync]);

  // Signed out in a database with users: only the sign-in screen (the server refuses the rest).
  if (info && !info.user) return <SignIn />;
  if (info?.mustChangePassphrase) return <NewPassphrase />;
  const role = info?.user?.role as Role | undefined;
  const nav = NAV.filter(([section]) => !NEEDS[section] || mayCall(role, NEEDS[section]));
  const signOut = async () => {
    await bridge.call('session.signOut', {});
    await refresh();
  };
  const firstStart = Boolean(info?.empty && !firstStartDone && mayCall(role, 'demo.load'));
  // While the first-start dialog is open the frame behind it is inert: no focus, no clicks.
  return (
    <>
      <div className="app" inert={firstStart}>
        <a
          className="skip-link"
          href="#inhoud"
          onClick={(e) => {
            e.preventDefault();
            main.current?.focus();
          }}
        >
          {t('app.skip')}
        </a>
        <header className="app-header">
          <span className="app-name">{t('app.name')}</span>
          {info?.user && (
            <span className="app-meta">
              <span>{t('app.user', { name: info.user.name, role: t(`roles.${info.user.role as 'beheerder'}`) })}</span>
              <span>{t('app.device', { name: info.deviceName })}</span>
              {info.hasUsers && (
                <button type="button" className="button" onClick={() => void signOut()}>
                  {t('app.signOut')}
                </button>
              )}
            </span>
          )}
        </header>
        <div className="app-body">
          <nav className="app-nav" aria-label={t('nav.label')}>
            <ul>
              {nav.map(([section, key]) => (
                <li key={section}>
                  <a href={hrefOf(section)} aria-current={route.section === section ? 'page' : undefined}>
                    {t(`nav.${key}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <main id="inhoud" ref={main} tabIndex={-1} className="app-main">
            {error && (
              <p role="alert" className="error-text">
                {t('app.error', { message: error })}
              </p>
            )}
            {!info && !error ? <p>{t('app.loading')}</p> : <Screen section={route.section} rest={route.rest} />}
          </main>
        </div>
      </div>
      {firstStart && <FirstStart />}
    </>
  );
}

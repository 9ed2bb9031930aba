// The app frame: header (app, user, laptop), main navigation, and the screen of the route.
import { Suspense, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from './stores/app.js';
import { hrefOf, useRoute, type Section } from './stores/route.js';
import { FirstStart } from './components/FirstStart.js';
import { NewPassphrase, SignIn } from './components/SignIn.js';
import { mayCall } from './access.js';
import type { MethodName } from '../db/api/contract.js';
import { titleOf, useRouteFocus } from './components/route-focus.js';
import { useInfo } from './data/info.js';
import { useCommand } from './data/hooks.js';
import { ClientsScreen } from './screens/clients/ClientsScreen.js';
import { MyWorkScreen } from './screens/mywork/MyWorkScreen.js';
import { lazyNamed } from './components/lazy.js';
import { ScreenBoundary } from './components/ScreenBoundary.js';

// The start screen and the client list are in the first chunk; the other screens (with their
// forms and the report charts) load on demand, so the app starts sooner.
const EmployersScreen = lazyNamed(() => import('./screens/employers/EmployersScreen.js'), 'EmployersScreen');
const VacanciesScreen = lazyNamed(() => import('./screens/vacancies/VacanciesScreen.js'), 'VacanciesScreen');
const PlacementsScreen = lazyNamed(() => import('./screens/placements/PlacementsScreen.js'), 'PlacementsScreen');
const ExportScreen = lazyNamed(() => import('./screens/export/ExportScreen.js'), 'ExportScreen');
const SyncScreen = lazyNamed(() => import('./screens/sync/SyncScreen.js'), 'SyncScreen');
const ReportsScreen = lazyNamed(() => import('./screens/reports/ReportsScreen.js'), 'ReportsScreen');
const AdminScreen = lazyNamed(() => import('./screens/admin/AdminScreen.js'), 'AdminScreen');

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
  switch (props.section) {
    case 'mijn-werk':
      return <MyWorkScreen rest={props.rest} />;
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
      return <ExportScreen />;
    case 'synchronisatie':
      return <SyncScreen />;
    case 'rapportages':
      return <ReportsScreen rest={props.rest} />;
  }
}

export function App() {
  const { t } = useTranslation();
  const { data: info, error } = useInfo();
  const firstStartDone = useApp((s) => s.firstStartDone);
  const call = useCommand();
  const { route, sync } = useRoute();
  const main = useRef<HTMLElement>(null);
  const navKey = NAV.find(([s]) => s === route.section)![1];
  useRouteFocus(main, [route.section, ...route.rest].join('/'), titleOf(t(`nav.${navKey}`), t('app.name')));

  useEffect(() => {
    window.addEventListener('hashchange', sync);
    // The address may have changed between the page's start and this listener (a link followed
    // while the first screen was still rendering): take it as it is now.
    sync();
    return () => window.removeEventListener('hashchange', sync);
  }, [sync]);

  // Signed out in a database with users: only the sign-in screen (the server refuses the rest).
  if (info && !info.user) return <SignIn />;
  if (info?.mustChangePassphrase) return <NewPassphrase />;
  const nav = NAV.filter(([section]) => !NEEDS[section] || mayCall(info?.may, NEEDS[section]));
  const signOut = async () => {
    await call('session.signOut', {});
  };
  const firstStart = Boolean(info?.empty && !firstStartDone && mayCall(info?.may, 'demo.load'));
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
            {/* The screen waits for app.info: signed out, its calls would only be refused (and each
                refusal audited). */}
            {!info && !error ? (
              <p>{t('app.loading')}</p>
            ) : (
              <ScreenBoundary key={route.section}>
                <Suspense fallback={<p>{t('app.loading')}</p>}>
                  <Screen section={route.section} rest={route.rest} />
                </Suspense>
              </ScreenBoundary>
            )}
          </main>
        </div>
      </div>
      {firstStart && <FirstStart />}
    </>
  );
}

// The shell: header, navigation with badges, the demo notice, and the screen of the route.
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notices } from './components/Notices';
import { SearchPalette } from './components/SearchPalette';
import { currentLanguage, setLanguage } from './i18n';
import { enumLabel, formatInstant } from './format';
import { navigate, routeHref, useRoute } from './router';
import { ROUTES, SCREENS } from './routes';
import { useSession } from './stores/session';
import { files } from './files';
import { receiveHandedOver } from './handedOver';

const DEMO_DISMISSED = 'vl.demoNoticeDismissed';

function DemoNotice({ at }: { at: string }) {
  const { t } = useTranslation();
  const [hidden, setHidden] = useState(() => {
    try {
      return localStorage.getItem(DEMO_DISMISSED) === at;
    } catch {
      return false;
    }
  });
  if (hidden) return null;
  return (
    <div className="banner banner-demo" role="status" data-testid="demo-notice">
      <strong>{t('app.demoLoaded')}</strong>{' '}
      <span>{t('app.demoLoadedDetail', { at: formatInstant(at) })}</span>
      <button
        type="button"
        className="link"
        onClick={() => {
          try {
            localStorage.setItem(DEMO_DISMISSED, at);
          } catch {
            /* shown again next time */
          }
          setHidden(true);
        }}
      >
        {t('common.dismiss')}
      </button>
    </div>
  );
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const info = useSession((s) => s.info);
  const loadError = useSession((s) => s.loadError);
  const myLate = useSession((s) => s.myLate);
  const staffCount = useSession((s) => s.staff.length);
  const bureauOverdue = useSession((s) => s.bureauOverdue);
  const openConflicts = useSession((s) => s.openConflicts);
  const clockBehind = useSession((s) => s.clockBehind);
  const badges = { myLate, bureauOverdue, openConflicts };
  const lang = currentLanguage();
  const Screen = ROUTES[route.screen].Component;
  const loading = <p className="muted pad">{t('common.loading')}</p>;
  const ready = info !== null;

  useEffect(() => {
    void useSession.getState().load();
    const timer = setInterval(() => {
      void useSession.getState().refreshBadges();
      void useSession.getState().refreshSync();
    }, 60_000);
    return () => clearInterval(timer);
  }, []);

  // Alt+N anywhere: log a visit.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyN' || e.key === 'n' || e.key === 'N')) {
        e.preventDefault();
        navigate(routeHref('visits', 'new'));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    document.title = t('app.title');
    // The desktop menu and dialogs speak the UI's language.
    void files.setLanguage(lang).catch(() => undefined);
  }, [t, lang]);

  // Files handed to the desktop app, once the core answers and whenever the window is brought
  // to the front (a second launch with a file does that).
  useEffect(() => {
    if (!ready) return;
    void receiveHandedOver();
    const onFocus = () => void receiveHandedOver();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [ready]);

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            台
          </span>
          <span className="brand-name">{t('app.title')}</span>
          <span className="brand-sub">{t('app.subtitle')}</span>
        </div>
        <div className="topbar-right">
          <SearchPalette />
          {info && <span className="today-date">{info.today}</span>}
          {info?.me ? (
            <a className="me" href={routeHref('settings')} data-testid="me-name">
              {info.me.name} <span className="muted">· {enumLabel('role', info.me.role)}</span>
            </a>
          ) : (
            <a className="me muted" href={routeHref('settings')}>
              {t('app.noMe')}
            </a>
          )}
          <div className="lang-switch" role="group" aria-label={t('settings.language')}>
            <button
              type="button"
              className={lang === 'zh-CN' ? 'on' : undefined}
              aria-pressed={lang === 'zh-CN'}
              onClick={() => setLanguage('zh-CN')}
              data-testid="lang-zh"
            >
              中
            </button>
            <button
              type="button"
              className={lang === 'en' ? 'on' : undefined}
              aria-pressed={lang === 'en'}
              onClick={() => setLanguage('en')}
              data-testid="lang-en"
            >
              EN
            </button>
          </div>
        </div>
      </header>
      {info?.demoLoadedAt && <DemoNotice at={info.demoLoadedAt} />}
      {clockBehind && (
        <div className="banner banner-warn" role="alert" data-testid="clock-behind">
          {t('sync.clockBehind', {
            newest: formatInstant(clockBehind.newestSeen),
            now: formatInstant(clockBehind.now),
          })}
        </div>
      )}
      {loadError && (
        <div className="banner banner-error" role="alert">
          {t('app.loadFailed')}: {loadError.message}{' '}
          <button type="button" className="link" onClick={() => void useSession.getState().load()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {info && !info.me && route.screen !== 'settings' && route.screen !== 'staff' && (
        <div className="banner banner-warn" role="status">
          {staffCount === 0 ? (
            <>
              {t('app.addYourself')} <a href={routeHref('staff', 'new')}>{t('staff.new')}</a>
            </>
          ) : (
            <>
              {t('app.chooseMe')} <a href={routeHref('settings')}>{t('nav.settings')}</a>
            </>
          )}
        </div>
      )}
      <div className="body">
        <nav className="sidebar" aria-label={t('app.navigation')}>
          <ul>
            {SCREENS.map((screen) => {
              const { label, badge } = ROUTES[screen];
              const count = badge ? badges[badge.count] : 0;
              const active = route.screen === screen;
              return (
                <li key={label}>
                  <a
                    className={`nav-link${active ? ' active' : ''}`}
                    href={routeHref(screen)}
                    aria-current={active ? 'page' : undefined}
                    data-nav={screen}
                  >
                    {t(label)}
                    {badge && count > 0 && (
                      <span className="nav-badge" title={t(badge.title)} data-testid={`badge-${screen}`}>
                        {count}
                      </span>
                    )}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        <main className="content">
          {info || loadError ? (
            // One boundary per screen: a screen still loading its chunk replaces the previous
            // one at once, rather than keeping it mounted (hidden) until the chunk arrives.
            <Suspense key={route.screen} fallback={loading}>
              <Screen route={route} />
            </Suspense>
          ) : (
            // The desktop app's first call waits while the database is opened, migrated,
            // backed up or (on the first start) filled with the demo district.
            <p className="muted pad" role="status" data-testid="preparing">
              {t('app.preparing')}
            </p>
          )}
        </main>
      </div>
      <Notices />
    </div>
  );
}

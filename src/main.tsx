/** Browser entry: creates the app's services once and renders the UI. */
import './protocol/jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/app/App';
import { AppServicesProvider } from './ui/data/AppServices';
import { I18nProvider } from './ui/i18n/I18n';
import './ui/styles.css';
import { createWorkerClient } from './worker/client';

// The UI holds only the worker: reads and writes, the database and the key all live there.
const services = { worker: createWorkerClient() };

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nProvider>
      <AppServicesProvider services={services}>
        <App serviceWorkerUrl={import.meta.env.PROD ? '/sw.js' : undefined} />
      </AppServicesProvider>
    </I18nProvider>
  </StrictMode>,
);

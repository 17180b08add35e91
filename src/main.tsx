/** Browser entry: creates the app's services once and renders the UI. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openRoundsDb } from './storage/db';
import { App } from './ui/app/App';
import { AppServicesProvider } from './ui/data/AppServices';
import { workerCodec } from './ui/data/workerCodec';
import { I18nProvider } from './ui/i18n/I18n';
import './ui/styles.css';
import { createWorkerClient } from './worker/client';

// The data key lives only in the worker; the UI's reads have sealed bodies opened there.
const worker = createWorkerClient();
const services = { db: openRoundsDb(), codec: workerCodec(worker), worker };

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nProvider>
      <AppServicesProvider services={services}>
        <App serviceWorkerUrl={import.meta.env.PROD ? '/sw.js' : undefined} />
      </AppServicesProvider>
    </I18nProvider>
  </StrictMode>,
);

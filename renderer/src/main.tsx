import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isPublicTopic } from '../../shared/topics';
import { connectApi, isClerkPage } from './api';
import { App } from './App';
import { StoreContext } from './context';
import { routeFromHash } from './routes';
import { createChamberStore, resumeRunningMeeting } from './store';
import './styles.css';

const api = connectApi();
const store = createChamberStore(api, {
  initialRoute: routeFromHash(window.location.hash),
  writeLocation: (hash) => {
    if (window.location.hash !== hash) window.location.hash = hash;
  },
  mayWatch: isClerkPage() ? undefined : isPublicTopic,
});
window.addEventListener('hashchange', () => store.getState().show(routeFromHash(window.location.hash)));

// Opened with no particular screen (the desktop app starting, perhaps after a crash): go straight
// back to a meeting that is running, so the clerk is where they were.
if (isClerkPage() && (!window.location.hash || window.location.hash === '#/')) void resumeRunningMeeting(api, store);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);

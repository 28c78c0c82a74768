import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectApi } from './api';
import { App } from './App';
import { StoreContext } from './context';
import { routeFromHash } from './routes';
import { createChamberStore } from './store';
import './styles.css';

const store = createChamberStore(connectApi(), {
  initialRoute: routeFromHash(window.location.hash),
  writeLocation: (hash) => {
    if (window.location.hash !== hash) window.location.hash = hash;
  },
});
window.addEventListener('hashchange', () => store.getState().show(routeFromHash(window.location.hash)));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);

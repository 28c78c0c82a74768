import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ChamberState, ChamberStore } from './store';

export const StoreContext = createContext<ChamberStore | null>(null);

export const useChamber = <T,>(selector: (state: ChamberState) => T): T => {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useChamber outside StoreContext');
  return useStore(store, selector);
};

import { createContext, useContext, type ReactNode } from 'react';
import type { OversightDatabase } from '../db/database';
import type { Api } from '../ipc/client';
import type { SyncController } from '../plan/sync-controller';

export type AppServices = { db: OversightDatabase; api: Api; sync: SyncController };

const ServicesContext = createContext<AppServices | null>(null);

/** Provides the store, the bridge and the sync controller to every view. */
export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

/** The app's services; components get them here rather than importing singletons, so tests can inject. */
export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside <ServicesProvider>');
  return services;
}

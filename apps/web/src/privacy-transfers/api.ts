import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components, paths } from '../api/schema';

export type Transfer = components['schemas']['TransferView'];
export type TransferQuery = NonNullable<paths['/api/v1/privacy/transfers']['get']['parameters']['query']>;
export type Access = components['schemas']['AccessView'];
export type AccessQuery = NonNullable<paths['/api/v1/privacy/access-log']['get']['parameters']['query']>;
export type MyAccess = components['schemas']['MyAccessView'];

export const RECIPIENT_KINDS = ['hub', 'hub_partner', 'mentor'] as const;

export function useTransfers(query: TransferQuery) {
  return useQuery({
    queryKey: ['privacy', 'transfers', query],
    queryFn: () => call(api.GET('/api/v1/privacy/transfers', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useTransferCountries() {
  return useQuery({
    queryKey: ['privacy', 'transfers', 'countries'],
    queryFn: () => call(api.GET('/api/v1/privacy/transfers/countries')),
  });
}

/** The CSV export's URL for the same filters (a plain link: the browser downloads it). */
export function transfersExportUrl(query: TransferQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key === 'page' || key === 'pageSize' || value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1/privacy/transfers/export.csv${search ? `?${search}` : ''}`;
}

export function useAccessLog(query: AccessQuery) {
  return useQuery({
    queryKey: ['privacy', 'access-log', query],
    queryFn: () => call(api.GET('/api/v1/privacy/access-log', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useMyAccess(page: number) {
  return useQuery({
    queryKey: ['privacy', 'access-log', 'mine', page],
    queryFn: () => call(api.GET('/api/v1/privacy/access-log/mine', { params: { query: { page, pageSize: 25 } } })),
    placeholderData: keepPreviousData,
  });
}

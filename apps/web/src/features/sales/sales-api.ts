import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCompanyKey } from '../../app/company';
import { request, type Page } from '../../lib/rest';
import { DOCUMENT_TYPES } from './document-types';
import type { DocumentBody, DocumentFilters, DocumentMap, DocumentSummary, DocumentType, SalesDocument } from './sales-types';

const PAGE_SIZE = 100;
const base = (type: DocumentType) => `/api/v1/${DOCUMENT_TYPES[type].path}`;

/** Where the PDF of a document is served (its stored original once validated). */
export function pdfUrl(type: DocumentType, id: string): string {
  return `${base(type)}/${id}/pdf`;
}

export function useDocumentPages(type: DocumentType, filters: DocumentFilters) {
  const key = useCompanyKey();
  return useInfiniteQuery({
    queryKey: key('documents', type, 'list', filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => request<Page<DocumentSummary>>('GET', base(type), { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useDocument(type: DocumentType, id: string | undefined) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('documents', type, 'detail', id),
    queryFn: () => request<SalesDocument>('GET', `${base(type)}/${id}`),
    enabled: Boolean(id),
  });
}

export function useDocumentMap(id: string) {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('documents', 'map', id), queryFn: () => request<DocumentMap>('GET', `/api/v1/documents/${id}/map`) });
}

/** After any write: the document itself, its lists and every map are out of date. */
function useRefresh() {
  const client = useQueryClient();
  const key = useCompanyKey();
  return (doc: SalesDocument | null) => {
    if (doc) client.setQueryData(key('documents', doc.type, 'detail', doc.id), doc);
    void client.invalidateQueries({ queryKey: key('documents') });
  };
}

/** Creates the draft (no id yet) or replaces it (PATCH: header and every line). */
export function useSaveDocument(type: DocumentType) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: DocumentBody }) =>
      id ? request<SalesDocument>('PATCH', `${base(type)}/${id}`, { body }) : request<SalesDocument>('POST', base(type), { body }),
    onSuccess: (doc) => refresh(doc),
  });
}

/** Fast line entry: the server prices the product for the document's customer (customer price > price list > catalog). */
export function useAddProductLine(type: DocumentType) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; productId: string; quantity: string; unit?: string }) => request<SalesDocument>('POST', `${base(type)}/${id}/lines`, { body }),
    onSuccess: (doc) => refresh(doc),
  });
}

export type DocumentAction = 'validate' | 'duplicate' | 'cancel' | 'refuse';

export function useDocumentAction(type: DocumentType, id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (action: DocumentAction) => request<SalesDocument>('POST', `${base(type)}/${id}/${action}`),
    onSuccess: (doc) => refresh(doc),
  });
}

export function useConvertDocument(type: DocumentType, id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (to: DocumentType) => request<SalesDocument>('POST', `${base(type)}/${id}/convert`, { body: { to } }),
    onSuccess: (doc) => refresh(doc),
  });
}

export function useCreditNote(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (lines: { sourceLineId: string; quantity: string }[] | null) => request<SalesDocument>('POST', `/api/v1/invoices/${id}/credit-note`, { body: lines ? { lines } : {} }),
    onSuccess: (doc) => refresh(doc),
  });
}

export function useDeleteDocument(type: DocumentType, id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => request<void>('DELETE', `${base(type)}/${id}`),
    onSuccess: () => refresh(null),
  });
}

import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCompanyKey } from '../../app/company';
import type { Schemas } from '@comptoir/api-client';
import { api, unwrap } from '../../lib/api';
import { DOCUMENT_TYPES } from './document-types';
import type { DocumentBody, DocumentFilters, DocumentType, SalesDocument } from './sales-types';

const PAGE_SIZE = 100;
const base = (type: DocumentType) => `/api/v1/${DOCUMENT_TYPES[type].path}`;
// The four types are served by one controller base, with the same parameters and bodies: their paths
// are typed as the quotes' ones (the server answers 404 for an action a type does not have).
const listPath = (type: DocumentType) => base(type) as '/api/v1/quotes';
const onePath = (type: DocumentType) => `${base(type)}/{id}` as '/api/v1/quotes/{id}';
const actionPath = <A extends DocumentAction | 'convert' | 'lines'>(type: DocumentType, action: A) =>
  `${base(type)}/{id}/${action}` as `/api/v1/quotes/{id}/${A}`;

/** Where the PDF of a document is served (its stored original once validated). */
export function pdfUrl(type: DocumentType, id: string): string {
  return `${base(type)}/${id}/pdf`;
}

export function useDocumentPages(type: DocumentType, filters: DocumentFilters) {
  const key = useCompanyKey();
  return useInfiniteQuery({
    queryKey: key('documents', type, 'list', filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => unwrap(api.GET(listPath(type), { params: { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } }, signal })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useDocument(type: DocumentType, id: string | undefined) {
  const key = useCompanyKey();
  return useQuery({
    queryKey: key('documents', type, 'detail', id),
    queryFn: () => unwrap(api.GET(onePath(type), { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
}

export function useDocumentMap(id: string) {
  const key = useCompanyKey();
  return useQuery({ queryKey: key('documents', 'map', id), queryFn: () => unwrap(api.GET('/api/v1/documents/{id}/map', { params: { path: { id } } })) });
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
      id
        ? unwrap(api.PATCH(onePath(type), { params: { path: { id } }, body: body as Schemas['UpdateDocumentDto'] }))
        : unwrap(api.POST(listPath(type), { body: body as Schemas['CreateDocumentDto'] })),
    onSuccess: (doc) => refresh(doc),
  });
}

/** Fast line entry: the server prices the product for the document's customer (customer price > price list > catalog). */
export function useAddProductLine(type: DocumentType) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & Schemas['AddLineDto']) => unwrap(api.POST(actionPath(type, 'lines'), { params: { path: { id } }, body })),
    onSuccess: (doc) => refresh(doc),
  });
}

export type DocumentAction = 'validate' | 'duplicate' | 'cancel' | 'refuse' | 'revise' | 'synchronise';

export function useDocumentAction(type: DocumentType, id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (action: DocumentAction) => unwrap<SalesDocument>(api.POST(actionPath(type, action), { params: { path: { id } } })),
    onSuccess: (doc) => refresh(doc),
  });
}

export function useConvertDocument(type: DocumentType, id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (to: Schemas['ConvertDocumentDto']['to']) => unwrap(api.POST(actionPath(type, 'convert'), { params: { path: { id } }, body: { to } })),
    onSuccess: (doc) => refresh(doc),
  });
}

export function useCreditNote(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (lines: Schemas['CreditNoteLineDto'][] | null) => unwrap(api.POST('/api/v1/invoices/{id}/credit-note', { params: { path: { id } }, body: lines ? { lines } : {} })),
    onSuccess: (doc) => refresh(doc),
  });
}

export function useDeleteDocument(type: DocumentType, id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE(onePath(type), { params: { path: { id } } })),
    onSuccess: () => refresh(null),
  });
}

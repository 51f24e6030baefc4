import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { DOCUMENT_TYPE_LIST } from './document-types';

const DocumentListPage = lazy(() => import('./DocumentListPage').then((m) => ({ default: m.DocumentListPage })));
const DocumentPage = lazy(() => import('./DocumentPage').then((m) => ({ default: m.DocumentPage })));

/** /quotes, /orders, /delivery-notes, /invoices: the list, and one document (`new`: a draft not saved yet). */
export function salesRoutes() {
  return DOCUMENT_TYPE_LIST.flatMap((config) => [
    <Route key={`${config.path}-list`} path={config.path} element={<DocumentListPage config={config} />} />,
    <Route key={`${config.path}-doc`} path={`${config.path}/:id`} element={<DocumentPage config={config} />} />,
  ]);
}

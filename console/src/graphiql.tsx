/**
 * GraphiQL for developers, bundled (no CDN), served at GET /graphql outside production. The bearer token goes
 * in the headers editor; headers are not persisted, and the editor's tabs live in this tab's session only.
 */
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { session } from './session';
import './graphiql.css';

const fetcher = createGraphiQLFetcher({ url: '/graphql' });
const token = session.token();
const headers = JSON.stringify({ Authorization: `Bearer ${token ?? '<paste a token from npm run token>'}` }, null, 2);

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultHeaders={headers} isHeadersEditorEnabled shouldPersistHeaders={false} storage={sessionStorage} />
  </StrictMode>,
);

/** Forward/back through a cursor-paged list: the cursors of the pages seen are kept to go back. */
import { useState } from 'react';

export interface Pages {
  after: string | null;
  page: number;
  next(endCursor: string | null): void;
  previous(): void;
  reset(): void;
}

export function usePages(): Pages {
  const [stack, setStack] = useState<Array<string | null>>([null]);
  return {
    after: stack[stack.length - 1] ?? null,
    page: stack.length,
    next: (endCursor) => endCursor && setStack((s) => [...s, endCursor]),
    previous: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)),
    reset: () => setStack([null]),
  };
}

export function Pager({
  pages,
  hasNextPage,
  endCursor,
  label,
}: {
  pages: Pages;
  hasNextPage: boolean;
  endCursor: string | null;
  label: string;
}) {
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <button type="button" onClick={pages.previous} disabled={pages.page === 1}>
        Previous page
      </button>
      <span>Page {pages.page}</span>
      <button type="button" onClick={() => pages.next(endCursor)} disabled={!hasNextPage}>
        Next page
      </button>
    </nav>
  );
}

/** A query's state in words: loading, or the API's refusal said plainly (a role that may not see something is told so). */
import type { ApiError } from '../api';

export function Status({ loading, error }: { loading: boolean; error: ApiError | null }) {
  if (error) {
    return (
      <p role="alert" className={error.code === 'FORBIDDEN' ? 'forbidden' : 'error'}>
        {error.message}
      </p>
    );
  }
  return loading ? (
    <p role="status" className="loading">
      Loading…
    </p>
  ) : null;
}

import { QueryClient } from '@tanstack/react-query';
import { ApiError, setUnauthorizedHandler } from '../api/client';
import { sessionKey } from '../features/auth/session';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Client errors (404, 403, 400) will not change on retry; only network and 5xx might.
      retry: (failureCount, error) => failureCount < 2 && !(error instanceof ApiError && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

// The session ended (expired, revoked, logged out elsewhere): forgetting it makes the layout
// send the user to /login with a `next` back to where they were.
setUnauthorizedHandler(() => {
  queryClient.setQueryData(sessionKey, null);
});

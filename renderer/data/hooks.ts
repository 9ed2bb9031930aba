// Reads and writes through the contract: `useCall` for one answer, `usePagedCall` for keyset
// paged lists ("Meer laden"), `useMutate` for writes. A failed read carries the server's Dutch
// message; a write returns the contract's Result so forms can put field errors next to fields.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { Input, MethodName, Output } from '../../db/api/contract.js';
import type { ApiError, Result } from '../../db/model/errors.js';
import { useBridge } from './provider.js';

/** A failed call as a thrown value, so TanStack Query keeps it as the query's error. */
export class CallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

export const keyOf = <M extends MethodName>(method: M, input: Input<M> | null): QueryKey => [method, input];

/** The answer of `method(input)`; `input: null` waits (e.g. until an id is known). */
export function useCall<M extends MethodName>(method: M, input: Input<M> | null) {
  const bridge = useBridge();
  const q = useQuery({
    queryKey: keyOf(method, input),
    enabled: input !== null,
    queryFn: async () => {
      const r = await bridge.call(method, input!);
      if (!r.ok) throw new CallError(r.error);
      return r.value;
    },
  });
  return {
    data: q.data ?? null,
    error: q.error ? q.error.message : null,
    code: q.error instanceof CallError ? q.error.error.code : null,
    loading: q.isPending && input !== null,
    reload: () => void q.refetch(),
  };
}

/** Keyset paging: the first page, and `more()` appends the next one ("Meer laden"). */
export function usePagedCall<M extends MethodName, P extends { items: unknown[]; next: string | null }>(
  method: M,
  input: Input<M>,
  pick: (o: Output<M>) => P,
) {
  const bridge = useBridge();
  const q = useInfiniteQuery({
    queryKey: keyOf(method, input),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => {
      const r = await bridge.call(method, { ...input, after: pageParam } as Input<M>);
      if (!r.ok) throw new CallError(r.error);
      return pick(r.value);
    },
    getNextPageParam: (last) => last.next,
  });
  const pages = q.data?.pages ?? [];
  const next = pages.at(-1)?.next ?? null;
  return {
    pages,
    items: pages.flatMap((p) => p.items as P['items'][number][]),
    next,
    more: () => void (q.hasNextPage && !q.isFetchingNextPage && q.fetchNextPage()),
    error: q.error ? q.error.message : null,
    loading: q.isPending,
  };
}

/**
 * A write. `mutate(input)` resolves to the contract's Result (never throws): the backend's
 * data.changed event refetches what it touched; `refetchAll` is for writes that change what
 * every screen may see (switching the user).
 */
export function useMutate<M extends MethodName>(method: M, opts: { refetchAll?: boolean } = {}) {
  const bridge = useBridge();
  const client = useQueryClient();
  const m = useMutation({
    mutationFn: (input: Input<M>): Promise<Result<Output<M>>> => bridge.call(method, input),
    onSuccess: (r) => {
      if (r.ok && opts.refetchAll) void client.invalidateQueries();
    },
  });
  return { mutate: m.mutateAsync, busy: m.isPending };
}

/**
 * An imperative call for event handlers (a write, or a read on demand such as the KvK check):
 * writes refetch through the backend's data.changed event like every other write; switching the
 * user refetches everything, as what each screen may show depends on the role.
 */
/** Calls after which who is signed in (and so what every screen may show) has changed. */
const SESSION_CHANGES = new Set<MethodName>(['session.switch', 'session.signOut', 'session.setPassphrase']);

export function useCommand() {
  const bridge = useBridge();
  const client = useQueryClient();
  return async <M extends MethodName>(method: M, input: Input<M>): Promise<Result<Output<M>>> => {
    const r = await bridge.call(method, input);
    if (r.ok && SESSION_CHANGES.has(method)) void client.invalidateQueries();
    return r;
  };
}

/** Like useCommand, for screens that show a failure as one message: throws it as an Error. */
export function useMust() {
  const call = useCommand();
  return async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
    const r = await call(method, input);
    if (!r.ok) throw new CallError(r.error);
    return r.value;
  };
}

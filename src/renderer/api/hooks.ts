import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { ProcedureName } from '../../shared/contract';
import { rpc, type In, type Out, type RpcClientError } from './client';

/** TanStack Query over the contract: the query key is [procedure, input]. */
export function useRpcQuery<K extends ProcedureName>(
  name: K,
  input: In<K>,
  opts: Omit<UseQueryOptions<Out<K>, RpcClientError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<Out<K>, RpcClientError>({ queryKey: [name, input], queryFn: () => rpc(name, input), ...opts });
}

/**
 * A mutation over one procedure. `invalidates` lists procedure-name prefixes whose queries are refetched after
 * success (e.g. ['users.'] or ['participants.']).
 */
export function useRpcMutation<K extends ProcedureName>(name: K, opts: { invalidates?: string[]; onSuccess?: (value: Out<K>, input: In<K>) => void } = {}) {
  const qc = useQueryClient();
  return useMutation<Out<K>, RpcClientError, In<K>>({
    mutationFn: (input) => rpc(name, input),
    onSuccess: async (value, input) => {
      if (opts.invalidates?.length) {
        await qc.invalidateQueries({
          predicate: (q) => typeof q.queryKey[0] === 'string' && opts.invalidates!.some((p) => (q.queryKey[0] as string).startsWith(p)),
        });
      }
      opts.onSuccess?.(value, input);
    },
  });
}

import type { Me, SignInBody } from "@cairn/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api } from "../ui/api";

export const ME_KEY = ["me"] as const;

/** Who is signed in, or null when nobody is. */
async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>("/me");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation<Me, ApiError, SignInBody>({
    mutationFn: (body) => api.post<Me>("/auth/sign-in", body),
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}

/** Ends the session on the server, then calls `leave` (to change page) and forgets every cached answer. */
export function useSignOut(leave: () => void) {
  const queryClient = useQueryClient();
  const mutation = useMutation<void, ApiError, void>({ mutationFn: () => api.post<void>("/auth/sign-out") });
  return {
    isPending: mutation.isPending,
    signOut: () =>
      mutation.mutate(undefined, {
        onSettled: () => {
          leave();
          queryClient.clear();
          queryClient.setQueryData(ME_KEY, null);
        },
      }),
  };
}

import type { FrameworkDetail, FrameworkItemDetail, FrameworkSummary } from "@cairn/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiError, api, queryString } from "../ui/api";

export function useFrameworks() {
  return useQuery({
    queryKey: ["frameworks"],
    queryFn: () => api.get<{ frameworks: FrameworkSummary[] }>("/frameworks"),
  });
}

export function useFramework(id: string) {
  return useQuery({
    queryKey: ["frameworks", id],
    queryFn: () => api.get<FrameworkDetail>(`/frameworks/${encodeURIComponent(id)}`),
    // Published frameworks never change; a long stale time spares re-reading thousands of items.
    staleTime: 5 * 60_000,
  });
}

export function useFrameworkItem(frameworkId: string, itemId: string) {
  return useQuery({
    queryKey: ["frameworks", frameworkId, "items", itemId],
    queryFn: () =>
      api.get<FrameworkItemDetail>(
        `/frameworks/${encodeURIComponent(frameworkId)}/items/${encodeURIComponent(itemId)}`,
      ),
  });
}

/** After any change to a framework, its pages and the list are read again. */
function useInvalidateFrameworks() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["frameworks"] });
}

export function useStartVersion(frameworkId: string) {
  const invalidate = useInvalidateFrameworks();
  return useMutation<{ frameworkId: string }, ApiError, { version: string }>({
    mutationFn: (body) => api.post(`/frameworks/${encodeURIComponent(frameworkId)}/versions`, body),
    onSuccess: invalidate,
  });
}

export function usePublishFramework(frameworkId: string) {
  const invalidate = useInvalidateFrameworks();
  return useMutation<void, ApiError, void>({
    mutationFn: () => api.post(`/frameworks/${encodeURIComponent(frameworkId)}/publish`),
    onSuccess: invalidate,
  });
}

export function useUpdateItem(frameworkId: string, itemId: string) {
  const invalidate = useInvalidateFrameworks();
  return useMutation<void, ApiError, { fullStatement?: string; code?: string | null }>({
    mutationFn: (body) =>
      api.patch(`/frameworks/${encodeURIComponent(frameworkId)}/items/${encodeURIComponent(itemId)}`, body),
    onSuccess: invalidate,
  });
}

export function usePrerequisiteLink(frameworkId: string) {
  const invalidate = useInvalidateFrameworks();
  const path = `/frameworks/${encodeURIComponent(frameworkId)}/prerequisites`;
  return {
    add: useMutation<void, ApiError, { before: string; after: string }>({
      mutationFn: (link) => api.post(path, link),
      onSuccess: invalidate,
    }),
    remove: useMutation<void, ApiError, { before: string; after: string }>({
      mutationFn: (link) => api.delete(`${path}${queryString(link)}`),
      onSuccess: invalidate,
    }),
  };
}

export function useImportCase() {
  const invalidate = useInvalidateFrameworks();
  return useMutation<{ frameworkId: string }, ApiError, unknown>({
    mutationFn: (pkg) => api.post("/frameworks/case", pkg),
    onSuccess: invalidate,
  });
}

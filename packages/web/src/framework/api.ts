import type {
  FrameworkDetail,
  FrameworkItemDetail,
  FrameworkSummary,
  MoveItemBody,
  NewExemplarBody,
  NewFrameworkBody,
  NewItemBody,
  ScaleBody,
} from "@cairn/core";
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

export function useCreateFramework() {
  const invalidate = useInvalidateFrameworks();
  return useMutation<{ frameworkId: string }, ApiError, NewFrameworkBody>({
    mutationFn: (body) => api.post("/frameworks", body),
    onSuccess: invalidate,
  });
}

const frameworkPath = (frameworkId: string) => `/frameworks/${encodeURIComponent(frameworkId)}`;
const itemPath = (frameworkId: string, itemId: string) =>
  `${frameworkPath(frameworkId)}/items/${encodeURIComponent(itemId)}`;

export function useAddItem(frameworkId: string) {
  const invalidate = useInvalidateFrameworks();
  return useMutation<{ itemId: string }, ApiError, NewItemBody>({
    mutationFn: (body) => api.post(`${frameworkPath(frameworkId)}/items`, body),
    onSuccess: invalidate,
  });
}

export function useMoveItem(frameworkId: string) {
  const invalidate = useInvalidateFrameworks();
  return useMutation<void, ApiError, { itemId: string; move: MoveItemBody }>({
    mutationFn: ({ itemId, move }) => api.post(`${itemPath(frameworkId, itemId)}/move`, move),
    onSuccess: invalidate,
  });
}

export function useDeleteItem(frameworkId: string, itemId: string) {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, void>({
    mutationFn: () => api.delete(itemPath(frameworkId, itemId)),
    // The item's own page is gone: only the framework and the list are read again.
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: ["frameworks", frameworkId, "items", itemId] });
      return queryClient.invalidateQueries({ queryKey: ["frameworks"] });
    },
  });
}

export function useSetScale(frameworkId: string) {
  const invalidate = useInvalidateFrameworks();
  return useMutation<void, ApiError, ScaleBody>({
    mutationFn: (scale) => api.put(`${frameworkPath(frameworkId)}/scale`, scale),
    onSuccess: invalidate,
  });
}

export function useExemplars(frameworkId: string, itemId: string) {
  const invalidate = useInvalidateFrameworks();
  const path = `${itemPath(frameworkId, itemId)}/exemplars`;
  return {
    add: useMutation<{ associationId: string }, ApiError, NewExemplarBody>({
      mutationFn: (body) => api.post(path, body),
      onSuccess: invalidate,
    }),
    remove: useMutation<void, ApiError, string>({
      mutationFn: (associationId) => api.delete(`${path}/${encodeURIComponent(associationId)}`),
      onSuccess: invalidate,
    }),
  };
}

export function useItemRubric(frameworkId: string, itemId: string) {
  const invalidate = useInvalidateFrameworks();
  const path = `${itemPath(frameworkId, itemId)}/rubric`;
  return {
    save: useMutation<{ rubricId: string }, ApiError, { title?: string | null; description?: string | null }>({
      mutationFn: (body) => api.post(path, body),
      onSuccess: invalidate,
    }),
    remove: useMutation<void, ApiError, void>({
      mutationFn: () => api.delete(path),
      onSuccess: invalidate,
    }),
  };
}

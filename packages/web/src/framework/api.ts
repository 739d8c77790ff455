import type { FrameworkDetail, FrameworkItemDetail, FrameworkSummary } from "@cairn/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../ui/api";

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

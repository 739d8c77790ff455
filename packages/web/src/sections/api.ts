import type { Section, SectionRoster } from "@cairn/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../ui/api";

export function useSections() {
  return useQuery({
    queryKey: ["sections"],
    queryFn: () => api.get<{ sections: Section[] }>("/sections"),
  });
}

export function useSectionRoster(id: string) {
  return useQuery({
    queryKey: ["sections", id],
    queryFn: () => api.get<SectionRoster>(`/sections/${encodeURIComponent(id)}`),
  });
}

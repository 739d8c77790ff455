import type { School } from "@cairn/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../ui/api";

export function useSchools() {
  return useQuery({ queryKey: ["schools"], queryFn: () => api.get<{ schools: School[] }>("/schools") });
}

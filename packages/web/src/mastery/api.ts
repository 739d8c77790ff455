import type { MasteryMethodSetting, MasteryMethodSettingBody, RollupRule, RollupSettingBody } from "@cairn/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../ui/api";

export function useMethodSettings(enabled: boolean) {
  return useQuery({
    queryKey: ["mastery-methods"],
    queryFn: () => api.get<{ settings: MasteryMethodSetting[] }>("/mastery-methods"),
    enabled,
  });
}

export function useSetMethod() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MasteryMethodSettingBody) => api.put<{ recomputed: number }>("/mastery-methods", body),
    onSuccess: () => client.invalidateQueries({ queryKey: ["mastery-methods"] }),
  });
}

export function useRollupRules(enabled: boolean) {
  return useQuery({
    queryKey: ["rollup-rules"],
    queryFn: () =>
      api.get<{ rules: { frameworkId: string | null; rule: RollupRule; updatedAt: string }[] }>("/rollup-rules"),
    enabled,
  });
}

export function useSetRollupRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RollupSettingBody) => api.put<void>("/rollup-rules", body),
    onSuccess: () => client.invalidateQueries({ queryKey: ["rollup-rules"] }),
  });
}

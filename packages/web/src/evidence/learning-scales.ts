import type { FrameworkDetail } from "@cairn/core";
import { useQueries } from "@tanstack/react-query";
import { api } from "../ui/api";

export type ScaleLevels = FrameworkDetail["framework"]["scale"]["levels"];

/**
 * Some frameworks, by id, read with the framework page's query key so the two share what they
 * fetched (published frameworks never change). `settled` once every answer, or error, is in.
 */
export function useFrameworkDetails(frameworkIds: readonly string[]): {
  frameworks: Map<string, FrameworkDetail>;
  settled: boolean;
} {
  const answers = useQueries({
    queries: [...new Set(frameworkIds)].map((id) => ({
      queryKey: ["frameworks", id],
      queryFn: () => api.get<FrameworkDetail>(`/frameworks/${encodeURIComponent(id)}`),
      staleTime: 5 * 60_000,
    })),
  });
  const frameworks = new Map<string, FrameworkDetail>();
  for (const answer of answers) if (answer.data) frameworks.set(answer.data.framework.id, answer.data);
  return { frameworks, settled: answers.every((answer) => !answer.isPending) };
}

/** The frameworks' own scales, to name the level of a score. */
export function useFrameworkScales(frameworkIds: readonly string[]): Map<string, ScaleLevels> {
  const { frameworks } = useFrameworkDetails(frameworkIds);
  return new Map([...frameworks].map(([id, detail]) => [id, detail.framework.scale.levels]));
}

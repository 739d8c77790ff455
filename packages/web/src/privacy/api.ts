import type { AccessLogEntry } from "@cairn/core";
import { useQuery } from "@tanstack/react-query";
import { ApiError, api } from "../ui/api";

/** Who has read a student's record; null when this viewer may not see the log. */
export function useAccessLog(studentId: string) {
  return useQuery({
    queryKey: ["students", "access-log", studentId],
    queryFn: async () => {
      try {
        return (await api.get<{ entries: AccessLogEntry[] }>(`/students/${encodeURIComponent(studentId)}/access-log`))
          .entries;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

import type { AccessLogSearch, AuditEventList, PrivacySettings, PrivacySettingsBody, StudentDetail } from "@cairn/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, queryString } from "../ui/api";

export interface AccessLogFilters {
  studentId?: string;
  actor?: string;
  action?: string;
  purpose?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export function useAccessLogSearch(filters: AccessLogFilters) {
  return useQuery({
    queryKey: ["access-log", "search", filters],
    queryFn: () => api.get<AccessLogSearch>(`/access-log${queryString({ ...filters })}`),
    placeholderData: (previous) => previous,
  });
}

export function useAuditEvents(page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: ["audit-events", page],
    queryFn: () => api.get<AuditEventList>(`/audit-events${queryString(page)}`),
    placeholderData: (previous) => previous,
  });
}

export function usePrivacySettings(districtId: string | undefined) {
  return useQuery({
    queryKey: ["privacy-settings", districtId],
    queryFn: () => api.get<PrivacySettings>(`/districts/${encodeURIComponent(districtId ?? "")}/privacy-settings`),
    enabled: districtId !== undefined,
  });
}

export function useSavePrivacySettings(districtId: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PrivacySettingsBody) =>
      api.put<PrivacySettings>(`/districts/${encodeURIComponent(districtId ?? "")}/privacy-settings`, body),
    onSuccess: (saved) => client.setQueryData(["privacy-settings", districtId], saved),
  });
}

export function useStatedReasonAccess() {
  return useMutation({
    mutationFn: ({ studentId, reason }: { studentId: string; reason: string }) =>
      api.post<StudentDetail>(`/students/${encodeURIComponent(studentId)}/stated-reason-access`, { reason }),
  });
}

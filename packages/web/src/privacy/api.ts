import type {
  AccessLogEntry,
  CorrectionRequest,
  CorrectionRequestBody,
  CorrectionResolutionBody,
  CorrectionStatus,
  Language,
  PrivacyNotice,
  PublishedNotice,
  PublishNoticeBody,
} from "@cairn/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, queryString } from "../ui/api";

/** A read that this viewer has no right to: null, so the page shows nothing of it. */
async function orNullWhenNotFound<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Who has read a student's record; null when this viewer may not see the log. */
export function useAccessLog(studentId: string) {
  return useQuery({
    queryKey: ["students", "access-log", studentId],
    queryFn: () =>
      orNullWhenNotFound(
        async () =>
          (await api.get<{ entries: AccessLogEntry[] }>(`/students/${encodeURIComponent(studentId)}/access-log`))
            .entries,
      ),
  });
}

const studentCorrectionsKey = (studentId: string) => ["students", "correction-requests", studentId];

/** A student's correction requests; null when this viewer has no rights over the record. */
export function useStudentCorrections(studentId: string) {
  return useQuery({
    queryKey: studentCorrectionsKey(studentId),
    queryFn: () =>
      orNullWhenNotFound(
        async () =>
          (
            await api.get<{ correctionRequests: CorrectionRequest[] }>(
              `/students/${encodeURIComponent(studentId)}/correction-requests`,
            )
          ).correctionRequests,
      ),
  });
}

export function useFileCorrection(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation<CorrectionRequest, ApiError, CorrectionRequestBody>({
    mutationFn: (body) =>
      api.post<CorrectionRequest>(`/students/${encodeURIComponent(studentId)}/correction-requests`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: studentCorrectionsKey(studentId) }),
  });
}

export function useCorrectionQueue(status: CorrectionStatus | undefined) {
  return useQuery({
    queryKey: ["correction-requests", status ?? "all"],
    queryFn: async () =>
      (await api.get<{ correctionRequests: CorrectionRequest[] }>(`/correction-requests${queryString({ status })}`))
        .correctionRequests,
  });
}

export function useResolveCorrection(id: string) {
  const queryClient = useQueryClient();
  return useMutation<CorrectionRequest, ApiError, CorrectionResolutionBody>({
    mutationFn: (body) =>
      api.post<CorrectionRequest>(`/correction-requests/${encodeURIComponent(id)}/resolution`, body),
    onSuccess: (resolved) => {
      // Answered requests stay where they are in the list on screen, now showing the answer.
      queryClient.setQueriesData<CorrectionRequest[]>({ queryKey: ["correction-requests"] }, (list) =>
        list?.map((request) => (request.id === resolved.id ? resolved : request)),
      );
      queryClient.invalidateQueries({ queryKey: studentCorrectionsKey(resolved.studentId) });
    },
  });
}

export function usePrivacyNotice(language: Language) {
  return useQuery({
    queryKey: ["privacy-notice", language],
    queryFn: () => api.get<PrivacyNotice>(`/privacy-notice${queryString({ language })}`),
  });
}

export function usePublishNotice() {
  const queryClient = useQueryClient();
  return useMutation<PublishedNotice, ApiError, PublishNoticeBody & { schoolYear: string }>({
    mutationFn: ({ schoolYear, ...body }) =>
      api.put<PublishedNotice>(`/privacy-notice/${encodeURIComponent(schoolYear)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["privacy-notice"] }),
  });
}

import type {
  Attachment,
  EvidenceEntry,
  Gradebook,
  PendingEvidence,
  Progress,
  Reassessment,
  RecordEvidenceBody,
  StudentMastery,
} from "@cairn/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, queryString } from "../ui/api";

const student = (id: string) => `/students/${encodeURIComponent(id)}`;

export function useGradebook(sectionId: string, competency?: string) {
  return useQuery({
    queryKey: ["gradebook", sectionId, competency ?? null],
    queryFn: () =>
      api.get<Gradebook>(`/sections/${encodeURIComponent(sectionId)}/gradebook${queryString({ competency })}`),
    placeholderData: (previous) => previous,
  });
}

export function useStudentMastery(studentId: string, options: { explain?: boolean; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ["mastery", studentId, options.explain ?? false],
    queryFn: () =>
      api.get<StudentMastery>(
        `${student(studentId)}/mastery${queryString({ explain: options.explain ? "true" : undefined })}`,
      ),
    enabled: options.enabled ?? true,
  });
}

export function useStudentEvidence(studentId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ["evidence", studentId],
    queryFn: () => api.get<{ entries: EvidenceEntry[] }>(`${student(studentId)}/evidence`),
    enabled: options.enabled ?? true,
  });
}

export function useStudentProgress(studentId: string) {
  return useQuery({
    queryKey: ["progress", studentId],
    queryFn: () => api.get<Progress>(`${student(studentId)}/progress`),
  });
}

export function usePendingEvidence() {
  return useQuery({
    queryKey: ["evidence", "pending"],
    queryFn: () => api.get<PendingEvidence>("/evidence/pending"),
  });
}

export function useReassessmentQueue() {
  return useQuery({
    queryKey: ["reassessments", "queue"],
    queryFn: () => api.get<{ requests: Reassessment[] }>("/reassessment-requests"),
  });
}

export function useStudentReassessments(studentId: string) {
  return useQuery({
    queryKey: ["reassessments", studentId],
    queryFn: () => api.get<{ requests: Reassessment[] }>(`${student(studentId)}/reassessment-requests`),
  });
}

const DERIVED = new Set(["gradebook", "mastery", "evidence", "progress", "reassessments"]);

/**
 * After any change to a student's evidence, everything derived from it is read again — but
 * the queue being worked through stays as it is, so a decided card keeps its answer in
 * place instead of vanishing under the reader (it is read afresh on the next visit).
 */
function useRefreshEvidence() {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({
      predicate: (query) => {
        const [key, detail] = query.queryKey as [string, unknown];
        if (!DERIVED.has(key)) return false;
        return !((key === "evidence" && detail === "pending") || (key === "reassessments" && detail === "queue"));
      },
    });
}

export function useRecordEvidence() {
  const refresh = useRefreshEvidence();
  return useMutation({
    mutationFn: ({ studentId, body }: { studentId: string; body: RecordEvidenceBody }) =>
      api.post<EvidenceEntry>(`${student(studentId)}/evidence`, body),
    onSuccess: refresh,
  });
}

export function useDecideEvidence() {
  const refresh = useRefreshEvidence();
  return useMutation({
    mutationFn: ({ id, decision, comment }: { id: string; decision: "validated" | "rejected"; comment?: string }) =>
      api.post<EvidenceEntry>(`/evidence/${encodeURIComponent(id)}/validation`, {
        decision,
        ...(comment ? { comment } : {}),
      }),
    onSuccess: refresh,
  });
}

export function useVoidEvidence() {
  const refresh = useRefreshEvidence();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post<EvidenceEntry>(`/evidence/${encodeURIComponent(id)}/void`, { reason }),
    onSuccess: refresh,
  });
}

export function useUploadAttachment() {
  return useMutation({
    mutationFn: ({ studentId, file }: { studentId: string; file: File }) =>
      api.upload<Attachment>(`${student(studentId)}/attachments${queryString({ fileName: file.name })}`, file),
  });
}

export function useRequestReassessment() {
  const refresh = useRefreshEvidence();
  return useMutation({
    mutationFn: ({ studentId, itemId, note }: { studentId: string; itemId: string; note?: string }) =>
      api.post<Reassessment>(`${student(studentId)}/reassessment-requests`, { itemId, ...(note ? { note } : {}) }),
    onSuccess: refresh,
  });
}

export function useDeclineReassessment() {
  const refresh = useRefreshEvidence();
  return useMutation({
    mutationFn: ({ id, comment }: { id: string; comment: string }) =>
      api.post<Reassessment>(`/reassessment-requests/${encodeURIComponent(id)}/decline`, { comment }),
    onSuccess: refresh,
  });
}

/** Where an attachment downloads from (the browser sends the session cookie). */
export function attachmentUrl(id: string): string {
  return `/api/v1/attachments/${encodeURIComponent(id)}`;
}

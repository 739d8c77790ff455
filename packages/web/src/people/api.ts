import type { GradeLevel, StudentDetail, StudentSummary } from "@cairn/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, queryString } from "../ui/api";

export interface StudentFilter {
  schoolId?: string;
  gradeLevel?: GradeLevel;
  search?: string;
  relation?: "child" | "mentee";
  limit?: number;
  offset?: number;
}

export function useStudents(filter: StudentFilter = {}) {
  return useQuery({
    queryKey: ["students", filter],
    queryFn: () => api.get<{ students: StudentSummary[]; total: number }>(`/students${queryString({ ...filter })}`),
    placeholderData: keepPreviousData,
  });
}

export function useStudent(id: string) {
  return useQuery({
    queryKey: ["students", "detail", id],
    queryFn: () => api.get<StudentDetail>(`/students/${encodeURIComponent(id)}`),
  });
}

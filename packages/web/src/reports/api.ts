import type { EnrollmentAttribute, EnrollmentReport } from "@cairn/core";
import { useQuery } from "@tanstack/react-query";
import { api, queryString } from "../ui/api";

export function useEnrollmentReport(attribute: EnrollmentAttribute) {
  return useQuery({
    queryKey: ["reports", "enrollment", attribute],
    queryFn: () => api.get<EnrollmentReport>(`/reports/enrollment${queryString({ attribute })}`),
    placeholderData: (previous) => previous,
  });
}

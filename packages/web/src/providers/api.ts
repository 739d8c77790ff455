import type {
  Agreement,
  CreateAgreementInput,
  CreateProviderBody,
  IssuedToken,
  IssueTokenBody,
  Provider,
  ProviderToken,
  UpdateAgreementBody,
} from "@cairn/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiError, api } from "../ui/api";

const agreementsKey = ["agreements"] as const;
const providersKey = ["providers"] as const;

export function useAgreements() {
  return useQuery({
    queryKey: agreementsKey,
    queryFn: async () => (await api.get<{ agreements: Agreement[] }>("/agreements")).agreements,
  });
}

export function useProviders() {
  return useQuery({
    queryKey: providersKey,
    queryFn: async () => (await api.get<{ providers: Provider[] }>("/providers")).providers,
  });
}

export function useCreateProvider() {
  const queryClient = useQueryClient();
  return useMutation<Provider, ApiError, CreateProviderBody>({
    mutationFn: (body) => api.post<Provider>("/providers", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: providersKey }),
  });
}

export function useCreateAgreement() {
  const queryClient = useQueryClient();
  return useMutation<Agreement, ApiError, CreateAgreementInput>({
    mutationFn: (body) => api.post<Agreement>("/agreements", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agreementsKey }),
  });
}

export function useUpdateAgreement(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation<Agreement, ApiError, UpdateAgreementBody>({
    mutationFn: (body) => api.patch<Agreement>(`/agreements/${encodeURIComponent(agreementId)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agreementsKey }),
  });
}

export function useIssueToken(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation<IssuedToken, ApiError, IssueTokenBody>({
    mutationFn: (body) => api.post<IssuedToken>(`/agreements/${encodeURIComponent(agreementId)}/tokens`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agreementsKey }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation<ProviderToken, ApiError, string>({
    mutationFn: (tokenId) => api.post<ProviderToken>(`/provider-tokens/${encodeURIComponent(tokenId)}/revoke`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agreementsKey }),
  });
}

/** The API's message with each located problem after it ("invalid body: name at least one school"). */
export function describeError(error: ApiError): string {
  const problems = error.details.map((detail) => detail.message);
  return problems.length > 0 ? `${error.message}: ${problems.join("; ")}` : error.message;
}

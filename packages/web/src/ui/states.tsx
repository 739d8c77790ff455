import { useT } from "../i18n/context";
import { ApiError } from "./api";

/** A polite, busy region while data loads. */
export function Loading() {
  const t = useT();
  return (
    <p className="loading" aria-busy="true" role="status">
      {t("state.loading")}
    </p>
  );
}

/** The API's own message, or a not-found note; a retry button when retrying can help. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const notFound = error instanceof ApiError && error.status === 404;
  const message = notFound ? t("state.notFound") : error instanceof Error ? error.message : String(error);
  return (
    <div className="alert" role="alert">
      <p className="alert-title">{t("state.errorTitle")}</p>
      <p>{message}</p>
      {onRetry && !notFound && (
        <button type="button" onClick={onRetry}>
          {t("state.retry")}
        </button>
      )}
    </div>
  );
}

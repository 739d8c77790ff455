import {
  CORRECTION_STATUSES,
  CORRECTION_TEXT_MAX,
  type CorrectionDecision,
  type CorrectionRequest,
  type CorrectionStatus,
} from "@cairn/core";
import { type FormEvent, useId, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useLanguage, useT } from "../i18n/context";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import { useCorrectionQueue, useResolveCorrection } from "./api";
import "./privacy.css";

function asStatus(value: string | null): CorrectionStatus | undefined {
  return (CORRECTION_STATUSES as readonly string[]).includes(value ?? "") ? (value as CorrectionStatus) : undefined;
}

/** The district admin's queue of correction requests, each open one with its answer form. */
export function CorrectionQueuePage() {
  const t = useT();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const status = params.has("status") ? asStatus(params.get("status")) : "open";
  const queue = useCorrectionQueue(status);
  usePageTitle(t("queue.title"));

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams({ status: String(new FormData(event.currentTarget).get("status") ?? "") });
  }

  return (
    <>
      <h1>{t("queue.title")}</h1>
      <p className="muted">{t("queue.intro")}</p>
      <search aria-label={t("queue.filter")}>
        <form className="filters" onSubmit={apply}>
          <div className="field">
            <label htmlFor={`${id}-status`}>{t("queue.filter")}</label>
            <select id={`${id}-status`} name="status" defaultValue={status ?? ""} key={status ?? ""}>
              <option value="">{t("queue.all")}</option>
              {CORRECTION_STATUSES.map((option) => (
                <option key={option} value={option}>
                  {t(`correctionStatus.${option}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t("queue.apply")}</button>
        </form>
      </search>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => queue.refetch()} />
      ) : queue.data.length === 0 ? (
        <p>{t("queue.empty")}</p>
      ) : (
        <ul className="queue-list">
          {queue.data.map((request) => (
            <li key={request.id} data-correction-id={request.id}>
              <QueueItem request={request} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function QueueItem({ request }: { request: CorrectionRequest }) {
  const t = useT();
  const [language] = useLanguage();
  const when = new Intl.DateTimeFormat(language, { dateStyle: "medium" });
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <article aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        <Link to={`/students/${request.studentId}`}>{request.studentName}</Link> ·{" "}
        {t(`dataElement.${request.dataElement}`)} · {t(`correctionStatus.${request.status}`)}
      </h2>
      <p className="muted">
        {t("queue.requestedBy", { name: request.requestedBy, date: when.format(new Date(request.createdAt)) })}
      </p>
      <p className="written">{request.description}</p>
      {request.status === "open" ? (
        // Once answered the form goes away; the reader lands on the request, which now shows the answer.
        <ResolveForm request={request} onResolved={() => heading.current?.focus()} />
      ) : (
        <>
          <h3>{t("corrections.answer")}</h3>
          <p className="written">{request.resolution}</p>
          <p className="muted">
            {t("corrections.answeredBy", {
              name: request.resolvedBy ?? "",
              date: request.resolvedAt ? when.format(new Date(request.resolvedAt)) : "",
            })}
          </p>
        </>
      )}
    </article>
  );
}

function ResolveForm({ request, onResolved }: { request: CorrectionRequest; onResolved: () => void }) {
  const t = useT();
  const id = useId();
  const resolve = useResolveCorrection(request.id);
  const [resolution, setResolution] = useState("");
  const [decision, setDecision] = useState<CorrectionDecision>("accepted");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    resolve.mutate({ status: decision, resolution }, { onSuccess: () => requestAnimationFrame(onResolved) });
  }

  return (
    <form className="stacked-form" onSubmit={submit} aria-busy={resolve.isPending}>
      <fieldset>
        <legend>{t("queue.decision")}</legend>
        {(["accepted", "rejected"] as const).map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name={`${id}-decision`}
              value={option}
              checked={decision === option}
              onChange={() => setDecision(option)}
            />
            {t(option === "accepted" ? "queue.accept" : "queue.reject")}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-resolution`}>{t("queue.resolution")}</label>
        <textarea
          id={`${id}-resolution`}
          rows={3}
          required
          maxLength={CORRECTION_TEXT_MAX}
          value={resolution}
          onChange={(event) => setResolution(event.target.value)}
        />
      </div>
      <button type="submit" className="primary" disabled={resolve.isPending}>
        {resolve.isPending ? t("queue.resolving") : t("queue.resolve")}
      </button>
      {resolve.isError && (
        <div className="alert" role="alert">
          {t("queue.failed", { message: resolve.error.message })}
        </div>
      )}
    </form>
  );
}

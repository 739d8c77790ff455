import type { PendingEvidence, Reassessment } from "@cairn/core";
import { useId, useState } from "react";
import { Link } from "react-router";
import { useLanguage, useT } from "../i18n/context";
import { ApiError } from "../ui/api";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import {
  attachmentUrl,
  useDecideEvidence,
  useDeclineReassessment,
  usePendingEvidence,
  useReassessmentQueue,
} from "./api";
import { itemLabel } from "./levels";

/** An educator's queue: evidence from outside waiting to be validated, and requests to be reassessed. */
export function QueuePage() {
  const t = useT();
  const pending = usePendingEvidence();
  const requests = useReassessmentQueue();
  usePageTitle(t("queue.title"));
  return (
    <>
      <h1>{t("queue.title")}</h1>
      <p className="muted">{t("queue.intro")}</p>
      {pending.isPending ? (
        <Loading />
      ) : pending.isError ? (
        <ErrorState error={pending.error} onRetry={() => pending.refetch()} />
      ) : pending.data.entries.length === 0 ? (
        <p>{t("queue.empty")}</p>
      ) : (
        <ul className="cards queue">
          {pending.data.entries.map((entry) => (
            <PendingCard key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
      <h2>{t("queue.requests")}</h2>
      <p className="muted">{t("queue.requestsIntro")}</p>
      {requests.isPending ? (
        <Loading />
      ) : requests.isError ? (
        <ErrorState error={requests.error} onRetry={() => requests.refetch()} />
      ) : requests.data.requests.length === 0 ? (
        <p>{t("queue.requestsEmpty")}</p>
      ) : (
        <ul className="cards queue">
          {requests.data.requests.map((request) => (
            <RequestCard key={request.id} request={request} />
          ))}
        </ul>
      )}
    </>
  );
}

function useDay() {
  const [language] = useLanguage();
  const format = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" });
  return (iso: string) => format.format(new Date(iso));
}

function PendingCard({ entry }: { entry: PendingEvidence["entries"][number] }) {
  const t = useT();
  const day = useDay();
  const decide = useDecideEvidence();
  const [comment, setComment] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const commentId = useId();
  const headingId = useId();
  const failure =
    decide.error instanceof ApiError && decide.error.status === 409 ? t("queue.conflict") : decide.error?.message;
  const act = (decision: "validated" | "rejected") =>
    decide.mutate(
      { id: entry.id, decision, comment: comment.trim() || undefined },
      { onSuccess: () => setDone(t(`evidence.decision.${decision}`)) },
    );
  return (
    <li className="card" data-evidence-id={entry.id} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {entry.title} · <Link to={`/students/${entry.studentId}/learning`}>{entry.studentName}</Link>
      </h3>
      <p>
        {t("queue.kindSetting", {
          kind: t(`evidence.kind.${entry.kind}`),
          setting: t(`evidence.setting.${entry.setting}`),
        })}{" "}
        · {t("queue.occurred", { date: day(entry.occurredAt) })}
        <br />
        <span className="muted">{t("queue.recorded", { name: entry.recordedBy, date: day(entry.recordedAt) })}</span>
      </p>
      <p className="label">{t("queue.scores")}</p>
      <ul className="plain-list">
        {entry.scores.map((score) => (
          <li key={score.itemId}>
            {itemLabel(score)}: <strong>{score.level ?? score.score}</strong>
          </li>
        ))}
      </ul>
      {entry.reflection && (
        <>
          <p className="label">{t("queue.reflection")}</p>
          <blockquote>{entry.reflection}</blockquote>
        </>
      )}
      {entry.attachments.length > 0 && (
        <>
          <p className="label">{t("queue.attachments")}</p>
          <ul className="plain-list">
            {entry.attachments.map((file) => (
              <li key={file.id}>
                <a href={attachmentUrl(file.id)}>{file.fileName}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {done ? (
        <p role="status">{t("queue.decided", { decision: done })}</p>
      ) : (
        <div className="decision">
          <div className="field">
            <label htmlFor={commentId}>{t("queue.comment")}</label>
            <textarea
              id={commentId}
              value={comment}
              maxLength={500}
              onChange={(event) => setComment(event.target.value)}
            />
          </div>
          <p className="actions">
            <button type="button" className="primary" disabled={decide.isPending} onClick={() => act("validated")}>
              {t("queue.validate")}
            </button>
            <button type="button" disabled={decide.isPending} onClick={() => act("rejected")}>
              {t("queue.reject")}
            </button>
          </p>
          {failure && (
            <p className="alert" role="alert">
              {failure}
            </p>
          )}
        </div>
      )}
    </li>
  );
}

function RequestCard({ request }: { request: Reassessment }) {
  const t = useT();
  const day = useDay();
  const decline = useDeclineReassessment();
  const [reason, setReason] = useState("");
  const reasonId = useId();
  const headingId = useId();
  return (
    <li className="card" data-request-id={request.id} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to={`/students/${request.studentId}/learning`}>{request.studentName}</Link>: {itemLabel(request.item)}
      </h3>
      <p className="muted">{t("queue.requestedBy", { name: request.requestedBy, date: day(request.requestedAt) })}</p>
      {request.note && <blockquote>{request.note}</blockquote>}
      {decline.isSuccess ? (
        <p role="status">{t("queue.declined")}</p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            decline.mutate({ id: request.id, comment: reason.trim() });
          }}
        >
          <div className="field">
            <label htmlFor={reasonId}>{t("queue.declineReason")}</label>
            <input id={reasonId} value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
          </div>
          <button type="submit" disabled={decline.isPending}>
            {t("queue.decline")}
          </button>
          {decline.error && (
            <p className="alert" role="alert">
              {decline.error.message}
            </p>
          )}
        </form>
      )}
    </li>
  );
}

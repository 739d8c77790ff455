import {
  CORRECTION_TEXT_MAX,
  type CorrectionRequest,
  STUDENT_DATA_ELEMENTS,
  type StudentDataElement,
} from "@cairn/core";
import { type FormEvent, useId, useState } from "react";
import { useLanguage, useT } from "../i18n/context";
import { ErrorState, Loading } from "../ui/states";
import { useFileCorrection, useStudentCorrections } from "./api";
import "./privacy.css";

/**
 * "Ask for a correction": the form and the family's requests with the district's answers,
 * for the people with rights over the record; nothing for anyone else.
 */
export function CorrectionRequestsSection({ studentId }: { studentId: string }) {
  const t = useT();
  const requests = useStudentCorrections(studentId);
  if (requests.isPending) return <Loading />;
  if (requests.isError) return <ErrorState error={requests.error} onRetry={() => requests.refetch()} />;
  if (requests.data === null) return null;
  return (
    <section aria-labelledby="corrections-title">
      <h2 id="corrections-title">{t("corrections.title")}</h2>
      <p className="muted">{t("corrections.intro")}</p>
      <CorrectionForm studentId={studentId} />
      <h3 id="corrections-list-title">{t("corrections.listTitle")}</h3>
      {requests.data.length === 0 ? <p>{t("corrections.empty")}</p> : <CorrectionTable requests={requests.data} />}
    </section>
  );
}

function CorrectionForm({ studentId }: { studentId: string }) {
  const t = useT();
  const id = useId();
  const file = useFileCorrection(studentId);
  const [description, setDescription] = useState("");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    file.mutate(
      { dataElement: String(form.get("dataElement")) as StudentDataElement, description },
      { onSuccess: () => setDescription("") },
    );
  }

  return (
    <form className="stacked-form" onSubmit={submit} aria-busy={file.isPending}>
      <div className="field">
        <label htmlFor={`${id}-element`}>{t("corrections.element")}</label>
        <select id={`${id}-element`} name="dataElement" defaultValue="profile">
          {STUDENT_DATA_ELEMENTS.map((element) => (
            <option key={element} value={element}>
              {t(`dataElement.${element}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t("corrections.description")}</label>
        <textarea
          id={`${id}-description`}
          name="description"
          rows={4}
          required
          maxLength={CORRECTION_TEXT_MAX}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          aria-describedby={`${id}-description-hint`}
        />
        <span id={`${id}-description-hint`} className="muted">
          {t("corrections.descriptionHint", { max: CORRECTION_TEXT_MAX })}
        </span>
      </div>
      <button type="submit" className="primary" disabled={file.isPending}>
        {file.isPending ? t("corrections.submitting") : t("corrections.submit")}
      </button>
      <div role="status">{file.isSuccess && <p className="success">{t("corrections.sent")}</p>}</div>
      {file.isError && (
        <div className="alert" role="alert">
          {t("corrections.failed", { message: file.error.message })}
        </div>
      )}
    </form>
  );
}

function CorrectionTable({ requests }: { requests: CorrectionRequest[] }) {
  const t = useT();
  const [language] = useLanguage();
  const when = new Intl.DateTimeFormat(language, { dateStyle: "medium" });
  return (
    <div className="table-wrap">
      <table className="corrections">
        <caption>{t("corrections.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("corrections.filed")}</th>
            <th scope="col">{t("corrections.part")}</th>
            <th scope="col">{t("corrections.request")}</th>
            <th scope="col">{t("corrections.status")}</th>
            <th scope="col">{t("corrections.answer")}</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => (
            <tr key={request.id} data-correction-id={request.id}>
              <td>{when.format(new Date(request.createdAt))}</td>
              <td>{t(`dataElement.${request.dataElement}`)}</td>
              <th scope="row" className="written">
                {request.description}
              </th>
              <td>{t(`correctionStatus.${request.status}`)}</td>
              <td className="written">
                {request.resolution === null ? (
                  <span className="muted">{t("corrections.noAnswer")}</span>
                ) : (
                  <>
                    {request.resolution}
                    <br />
                    <span className="muted">
                      {t("corrections.answeredBy", {
                        name: request.resolvedBy ?? "",
                        date: request.resolvedAt ? when.format(new Date(request.resolvedAt)) : "",
                      })}
                    </span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { type EvidenceKind, type EvidenceSetting, MAX_ATTACHMENT_BYTES, type RecordEvidenceBody } from "@cairn/core";
import { type FormEvent, useId, useRef, useState } from "react";
import { useLanguage, useT } from "../i18n/context";
import { formatNumber } from "../i18n/format";
import { ApiError } from "../ui/api";
import { useRecordEvidence, useUploadAttachment } from "./api";
import { localToday, momentOfDay } from "./learning-text";
import { FieldError, type FormField, fieldOfDetail } from "./OutsideEvidenceFields";
import { LevelSelect, SkillSelect, useSkillChoices } from "./OutsideEvidenceSkill";

/** What a student or family records from outside school; classroom kinds are the teachers'. */
const KINDS: readonly EvidenceKind[] = [
  "extended_learning",
  "work_based_learning",
  "project",
  "portfolio",
  "prior_learning",
  "course",
  "external_app",
];
const SETTINGS: readonly EvidenceSetting[] = ["home", "community", "workplace", "online", "college"];
const MAX_MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;

type Errors = Partial<Record<FormField, string>>;

/**
 * "Send evidence from outside school": what, where, when, the skill it shows and the level the
 * student sees in it, a reflection and a file. It waits for a teacher's validation; each
 * problem the API locates is shown next to its field.
 */
export function OutsideEvidenceForm({ studentId }: { studentId: string }) {
  const t = useT();
  const [language] = useLanguage();
  const id = useId();
  const record = useRecordEvidence();
  const upload = useUploadAttachment();
  const skills = useSkillChoices(studentId);
  const fileInput = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const today = localToday();
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<EvidenceKind>("extended_learning");
  const [setting, setSetting] = useState<EvidenceSetting>("home");
  const [day, setDay] = useState(today);
  const [itemId, setItemId] = useState("");
  const [level, setLevel] = useState("");
  const [reflection, setReflection] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [sent, setSent] = useState<"pending" | "counted" | null>(null);
  const busy = record.isPending || upload.isPending;
  const ids = (field: FormField) => ({ input: `${id}-${field}`, error: `${id}-${field}-error` });
  const described = (field: FormField, hint?: string) =>
    [hint, errors[field] ? ids(field).error : undefined].filter(Boolean).join(" ") || undefined;

  function check(): Errors {
    const found: Errors = {};
    if (title.trim() === "") found.title = t("learning.error.title");
    if (day === "") found.date = t("learning.error.date");
    else if (day > today) found.date = t("learning.error.future");
    if (itemId === "") found.skill = t("learning.error.skill");
    else if (level === "") found.level = t("learning.error.level");
    const file = fileInput.current?.files?.[0];
    if (file && file.size > MAX_ATTACHMENT_BYTES)
      found.file = t("learning.error.fileSize", { size: formatNumber(language, MAX_MB) });
    return found;
  }

  function show(found: Errors) {
    setErrors(found);
    const first = (["title", "kind", "setting", "date", "skill", "level", "reflection", "file"] as const).find(
      (field) => found[field],
    );
    if (first) form.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(null);
    setGeneral(null);
    const found = check();
    if (Object.keys(found).length > 0) return show(found);
    setErrors({});
    const file = fileInput.current?.files?.[0];
    let attachmentIds: string[] | undefined;
    if (file) {
      try {
        attachmentIds = [(await upload.mutateAsync({ studentId, file })).id];
      } catch (error) {
        return show({ file: error instanceof Error ? error.message : String(error) });
      }
    }
    const body: RecordEvidenceBody = {
      kind,
      setting,
      title: title.trim(),
      occurredAt: momentOfDay(day),
      scores: [{ itemId, level }],
      ...(reflection.trim() ? { reflection: reflection.trim() } : {}),
      ...(attachmentIds ? { attachmentIds } : {}),
    };
    try {
      const entry = await record.mutateAsync({ studentId, body });
      setSent(entry.status === "pending" ? "pending" : "counted");
      setTitle("");
      setLevel("");
      setReflection("");
      if (fileInput.current) fileInput.current.value = "";
    } catch (error) {
      const located: Errors = {};
      if (error instanceof ApiError) {
        for (const detail of error.details) {
          const field = fieldOfDetail(detail.path);
          if (field && !located[field]) located[field] = messageFor(field, detail.message);
        }
      }
      if (Object.keys(located).length > 0) {
        setGeneral(t("learning.submit.fixFields"));
        show(located);
      } else setGeneral(t("learning.submit.failed", { message: error instanceof Error ? error.message : "" }));
    }
  }

  function messageFor(field: FormField, message: string): string {
    if (field === "date") return t("learning.error.future");
    if (field === "level") return t("learning.error.level");
    return message;
  }

  const heading = (
    <>
      <h2 id="learning-submit-title">{t("learning.submit.heading")}</h2>
      <p className="muted">{t("learning.submit.intro")}</p>
    </>
  );
  if (!skills.isPending && !skills.error && skills.groups.length === 0) {
    // Nothing to send evidence for yet: say so rather than offer a form that cannot be sent.
    return (
      <section id="learning-submit" aria-labelledby="learning-submit-title">
        {heading}
        <p>{t("learning.submit.noSkills")}</p>
      </section>
    );
  }
  return (
    <section id="learning-submit" aria-labelledby="learning-submit-title">
      {heading}
      <form ref={form} className="stacked-form learning-form" onSubmit={submit} noValidate aria-busy={busy}>
        <div className="field">
          <label htmlFor={ids("title").input}>{t("learning.submit.title")}</label>
          <input
            id={ids("title").input}
            data-field="title"
            value={title}
            maxLength={200}
            required
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={described("title", `${id}-title-hint`)}
            onChange={(event) => setTitle(event.target.value)}
          />
          <span id={`${id}-title-hint`} className="muted">
            {t("learning.submit.titleHint")}
          </span>
          <FieldError id={ids("title").error} message={errors.title} />
        </div>
        <div className="learning-form-row">
          <div className="field">
            <label htmlFor={ids("kind").input}>{t("learning.submit.kind")}</label>
            <select
              id={ids("kind").input}
              data-field="kind"
              value={kind}
              aria-invalid={errors.kind ? true : undefined}
              aria-describedby={described("kind")}
              onChange={(event) => setKind(event.target.value as EvidenceKind)}
            >
              {KINDS.map((option) => (
                <option key={option} value={option}>
                  {t(`learning.kind.${option}`)}
                </option>
              ))}
            </select>
            <FieldError id={ids("kind").error} message={errors.kind} />
          </div>
          <div className="field">
            <label htmlFor={ids("setting").input}>{t("learning.submit.setting")}</label>
            <select
              id={ids("setting").input}
              data-field="setting"
              value={setting}
              aria-invalid={errors.setting ? true : undefined}
              aria-describedby={described("setting")}
              onChange={(event) => setSetting(event.target.value as EvidenceSetting)}
            >
              {SETTINGS.map((option) => (
                <option key={option} value={option}>
                  {t(`learning.setting.${option}`)}
                </option>
              ))}
            </select>
            <FieldError id={ids("setting").error} message={errors.setting} />
          </div>
          <div className="field">
            <label htmlFor={ids("date").input}>{t("learning.submit.date")}</label>
            <input
              id={ids("date").input}
              data-field="date"
              type="date"
              value={day}
              max={today}
              required
              aria-invalid={errors.date ? true : undefined}
              aria-describedby={described("date")}
              onChange={(event) => setDay(event.target.value)}
            />
            <FieldError id={ids("date").error} message={errors.date} />
          </div>
        </div>
        <SkillSelect
          id={ids("skill").input}
          errorId={ids("skill").error}
          error={errors.skill}
          choices={skills}
          value={itemId}
          onChange={(next) => {
            setItemId(next);
            setLevel("");
          }}
        />
        <LevelSelect
          id={ids("level").input}
          errorId={ids("level").error}
          error={errors.level}
          skill={skills.find(itemId)}
          value={level}
          onChange={setLevel}
        />
        <div className="field">
          <label htmlFor={ids("reflection").input}>{t("learning.submit.reflection")}</label>
          <textarea
            id={ids("reflection").input}
            data-field="reflection"
            rows={4}
            maxLength={5000}
            value={reflection}
            aria-invalid={errors.reflection ? true : undefined}
            aria-describedby={described("reflection")}
            onChange={(event) => setReflection(event.target.value)}
          />
          <FieldError id={ids("reflection").error} message={errors.reflection} />
        </div>
        <div className="field">
          <label htmlFor={ids("file").input}>{t("learning.submit.file")}</label>
          <input
            id={ids("file").input}
            data-field="file"
            ref={fileInput}
            type="file"
            accept=".pdf,.png,.jpg,.jpeg,.webp,.mp3,.mp4,.m4v,.m4a,.txt"
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={described("file", `${id}-file-hint`)}
          />
          <span id={`${id}-file-hint`} className="muted">
            {t("learning.submit.fileHint", { size: formatNumber(language, MAX_MB) })}
          </span>
          <FieldError id={ids("file").error} message={errors.file} />
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t("learning.submit.sending") : t("learning.submit.send")}
        </button>
        <div role="status">
          {sent && (
            <p className="success">{sent === "pending" ? t("learning.submit.sent") : t("learning.submit.counted")}</p>
          )}
        </div>
        {general && (
          <div className="alert" role="alert">
            {general}
          </div>
        )}
      </form>
    </section>
  );
}

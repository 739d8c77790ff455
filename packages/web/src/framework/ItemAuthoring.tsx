import type { FrameworkItemDetail } from "@cairn/core";
import { type FormEvent, useId, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { useT } from "../i18n/context";
import { useDeleteItem, useExemplars, useFramework, useItemRubric, useMoveItem } from "./api";
import { ProblemList } from "./ProblemList";

type Detail = FrameworkItemDetail;

/**
 * The item's work samples, grouped by the level of its scale they show (seeds 004:333).
 * Each is a link to the sample outside Cairn; a draft's admins add and remove them.
 */
export function WorkSamples({ detail }: { detail: Detail }) {
  const t = useT();
  const { exemplars, scale, framework } = detail;
  if (exemplars.length === 0 && !framework.canEdit) return null;
  const known = new Set(scale.levels.map((level) => level.code));
  const groups = [
    ...scale.levels.map((level) => ({
      key: level.code,
      heading: t("item.samples.level", { label: level.label, code: level.code }),
      samples: exemplars.filter((sample) => sample.levelCode === level.code),
    })),
    {
      key: "",
      heading: t("item.samples.noLevel"),
      samples: exemplars.filter((sample) => sample.levelCode === null || !known.has(sample.levelCode)),
    },
  ].filter((group) => group.samples.length > 0);
  return (
    <section aria-labelledby="samples-heading">
      <h2 id="samples-heading">{t("item.samples")}</h2>
      {groups.map((group) => (
        <div key={group.key}>
          <h3>{group.heading}</h3>
          <ul className="item-list">
            {group.samples.map((sample) => (
              <li key={sample.id}>
                <a href={sample.uri} rel="noreferrer">
                  {sample.title}
                </a>
                {framework.canEdit && <RemoveSample detail={detail} sample={sample} />}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {framework.canEdit && <AddSample detail={detail} />}
    </section>
  );
}

function RemoveSample({ detail, sample }: { detail: Detail; sample: Detail["exemplars"][number] }) {
  const t = useT();
  const { remove } = useExemplars(detail.framework.id, detail.item.id);
  return (
    <>
      {" "}
      <button
        type="button"
        onClick={() =>
          remove.mutate(sample.id, {
            // The button goes with the sample: the focus goes to the form for adding one.
            onSuccess: () => document.getElementById("add-sample-title")?.focus(),
          })
        }
      >
        {t("item.samples.remove", { title: sample.title })}
      </button>
      {remove.isError && <ProblemList error={remove.error} />}
    </>
  );
}

function AddSample({ detail }: { detail: Detail }) {
  const t = useT();
  const { add } = useExemplars(detail.framework.id, detail.item.id);
  const [title, setTitle] = useState("");
  const [uri, setUri] = useState("");
  const masteryCode = detail.scale.masteryCode;
  const [level, setLevel] = useState(masteryCode);
  const ids = { uri: useId(), level: useId() };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { title, uri, levelCode: level },
      {
        onSuccess: () => {
          setTitle("");
          setUri("");
        },
      },
    );
  };
  return (
    <form className="editor" onSubmit={submit}>
      <h3>{t("item.samples.add")}</h3>
      <div className="field">
        <label htmlFor="add-sample-title">{t("item.samples.sampleTitle")}</label>
        <input
          id="add-sample-title"
          value={title}
          required
          maxLength={200}
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.uri}>{t("item.samples.uri")}</label>
        <input
          id={ids.uri}
          type="url"
          value={uri}
          required
          maxLength={2000}
          pattern="https?://.+"
          onChange={(event) => setUri(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.level}>{t("item.samples.levelField")}</label>
        <select id={ids.level} value={level} onChange={(event) => setLevel(event.target.value)}>
          {detail.scale.levels.map((option) => (
            <option key={option.code} value={option.code}>
              {t("item.samples.level", { label: option.label, code: option.code })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={add.isPending}>
        {t("item.samples.submit")}
      </button>
      {add.isError && <ProblemList error={add.error} />}
    </form>
  );
}

/** Makes (or makes again) the item's rubric from its scale, or removes it. */
export function RubricEditor({ detail }: { detail: Detail }) {
  const t = useT();
  const rubric = useItemRubric(detail.framework.id, detail.item.id);
  const own = detail.rubricCriteria.find((criterion) => criterion.itemRubric);
  const [title, setTitle] = useState(own?.rubricTitle ?? "");
  const [said, setSaid] = useState("");
  const titleId = useId();
  const hintId = useId();
  const makeButton = useRef<HTMLButtonElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rubric.save.mutate({ title: title.trim() || null }, { onSuccess: () => setSaid(t("item.rubric.saved")) });
  };
  const error = rubric.save.error ?? rubric.remove.error;
  return (
    <form className="editor" onSubmit={submit}>
      <h2>{t("item.rubric.editor")}</h2>
      <p id={hintId} className="muted">
        {t("item.rubric.hint")}
      </p>
      <div className="field">
        <label htmlFor={titleId}>{t("item.rubric.titleField")}</label>
        <input id={titleId} value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} />
      </div>
      <button type="submit" ref={makeButton} aria-describedby={hintId} disabled={rubric.save.isPending}>
        {own ? t("item.rubric.makeAgain") : t("item.rubric.make")}
      </button>{" "}
      {own && (
        <button
          type="button"
          disabled={rubric.remove.isPending}
          onClick={() =>
            rubric.remove.mutate(undefined, {
              onSuccess: () => {
                setSaid(t("item.rubric.removed"));
                makeButton.current?.focus();
              },
            })
          }
        >
          {t("item.rubric.remove")}
        </button>
      )}
      <p role="status">{said}</p>
      {error && <ProblemList error={error} />}
    </form>
  );
}

/**
 * Deletes a draft item, after a second press: the confirmation names what goes with it.
 * Then the framework's page opens; an item with items under it is refused by the server.
 */
export function DeleteItem({ detail }: { detail: Detail }) {
  const t = useT();
  const navigate = useNavigate();
  const remove = useDeleteItem(detail.framework.id, detail.item.id);
  const [confirming, setConfirming] = useState(false);
  const askButton = useRef<HTMLButtonElement>(null);
  const code = detail.item.code ?? detail.item.fullStatement.slice(0, 40);
  return (
    <div className="editor">
      {!confirming ? (
        <button type="button" ref={askButton} onClick={() => setConfirming(true)}>
          {t("item.delete")}
        </button>
      ) : (
        <fieldset>
          <legend>{t("item.delete.confirm", { code })}</legend>
          <button
            type="button"
            // The question replaces the button that asked it, so the answer takes the focus.
            // biome-ignore lint/a11y/noAutofocus: focus follows the action that revealed the question
            autoFocus
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate(undefined, { onSuccess: () => navigate(`/frameworks/${detail.framework.id}`) })
            }
          >
            {t("item.delete.yes")}
          </button>{" "}
          <button
            type="button"
            onClick={() => {
              setConfirming(false);
              requestAnimationFrame(() => askButton.current?.focus());
            }}
          >
            {t("item.delete.cancel")}
          </button>
        </fieldset>
      )}
      {remove.isError && <ProblemList error={remove.error} />}
    </div>
  );
}

/** Moves the item under another item of the draft, or to the top; a loop in the tree is refused, named. */
export function MoveUnder({ detail }: { detail: Detail }) {
  const t = useT();
  const framework = useFramework(detail.framework.id);
  const move = useMoveItem(detail.framework.id);
  const [parentId, setParentId] = useState(detail.parent?.id ?? "");
  const selectId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    move.mutate({ itemId: detail.item.id, move: { parentId: parentId || null } });
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={selectId}>{t("item.moveUnder")}</label>
        <select id={selectId} value={parentId} onChange={(event) => setParentId(event.target.value)}>
          <option value="">{t("framework.addItem.top")}</option>
          {(framework.data?.items ?? [])
            .filter((item) => item.id !== detail.item.id)
            .map((item) => (
              <option key={item.id} value={item.id}>
                {item.code ? `${item.code} — ` : ""}
                {item.fullStatement.slice(0, 60)}
              </option>
            ))}
        </select>
      </div>
      <button type="submit" disabled={move.isPending}>
        {t("item.moveUnder.submit")}
      </button>
      <p role="status">{move.isSuccess ? t("item.moveUnder.moved") : ""}</p>
      {move.isError && <ProblemList error={move.error} />}
    </form>
  );
}

import { useFrameworkItem } from "../framework/api";
import { useT } from "../i18n/context";
import { ErrorState, Loading } from "../ui/states";
import { useStudentMastery, useStudentProgress } from "./api";
import { itemName } from "./learning-text";
import { FieldError } from "./OutsideEvidenceFields";
import { type SkillChoice, type SkillGroup, skillGroups } from "./skill-choices";

export interface SkillChoices {
  isPending: boolean;
  error: unknown;
  groups: SkillGroup[];
  find: (itemId: string) => SkillChoice | undefined;
}

/** The skills evidence can be sent for, by class (see `skillGroups`), once everything they come from is read. */
export function useSkillChoices(studentId: string): SkillChoices {
  const progress = useStudentProgress(studentId);
  const mastery = useStudentMastery(studentId, { explain: true });
  const none = { groups: [], find: () => undefined };
  if (progress.isPending || mastery.isPending) return { isPending: true, error: null, ...none };
  if (progress.isError || mastery.isError) return { isPending: false, error: progress.error ?? mastery.error, ...none };
  const groups = skillGroups({ courses: progress.data.courses, mastery: mastery.data.items });
  const byId = new Map(groups.flatMap((group) => group.choices.map((choice) => [choice.itemId, choice] as const)));
  return { isPending: false, error: null, groups, find: (itemId) => byId.get(itemId) };
}

interface SelectProps {
  id: string;
  errorId: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
}

export function SkillSelect({ choices, ...props }: SelectProps & { choices: SkillChoices }) {
  const t = useT();
  const { id, errorId, error, value, onChange } = props;
  if (choices.isPending) return <Loading />;
  if (choices.error) return <ErrorState error={choices.error} />;
  if (choices.groups.length === 0) return <p>{t("learning.submit.noSkills")}</p>;
  return (
    <div className="field">
      <label htmlFor={id}>{t("learning.submit.skill")}</label>
      <select
        id={id}
        data-field="skill"
        value={value}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t("learning.submit.chooseSkill")}</option>
        {choices.groups.map((group) => (
          <optgroup
            key={group.key}
            label={group.course ?? t("learning.submit.otherSkills", { framework: group.framework })}
          >
            {group.choices.map((choice) => (
              <option key={choice.itemId} value={choice.itemId}>
                {itemName(choice)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/**
 * The level the student sees in their work, from the chosen skill's own scale as the API
 * gives it (its labels and what each means); the mastery level is marked.
 */
export function LevelSelect({ skill, ...props }: SelectProps & { skill: SkillChoice | undefined }) {
  const t = useT();
  const { id, errorId, error } = props;
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{t("learning.submit.level")}</label>
      {skill ? (
        <LevelOptions {...props} skill={skill} />
      ) : (
        <>
          <select id={id} data-field="level" disabled aria-describedby={hintId} defaultValue="">
            <option value="">{t("learning.submit.chooseLevel")}</option>
          </select>
          <span id={hintId} className="muted">
            {t("learning.submit.levelFirst")}
          </span>
        </>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

function LevelOptions({ id, errorId, error, value, onChange, skill }: SelectProps & { skill: SkillChoice }) {
  const t = useT();
  const detail = useFrameworkItem(skill.frameworkId, skill.itemId);
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => detail.refetch()} />;
  const scale = detail.data?.scale;
  const levels = [...(scale?.levels ?? [])].sort((a, b) => a.value - b.value);
  return (
    <select
      id={id}
      data-field="level"
      value={value}
      aria-busy={detail.isPending}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{t("learning.submit.chooseLevel")}</option>
      {levels.map((level) => (
        <option key={level.code} value={level.code}>
          {`${level.label}${level.code === scale?.masteryCode ? ` (${t("learning.submit.levelMastery")})` : ""}${
            level.descriptor ? ` — ${level.descriptor}` : ""
          }`}
        </option>
      ))}
    </select>
  );
}

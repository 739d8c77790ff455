import type { FrameworkDetail } from "@cairn/core";
import { useT } from "../i18n/context";

/** The levels of a proficiency scale, the mastery threshold marked in words, not colour alone. */
export function ScaleTable({ scale }: { scale: FrameworkDetail["framework"]["scale"] }) {
  const t = useT();
  const masteryValue =
    scale.levels.find((level) => level.code === scale.masteryCode)?.value ?? Number.POSITIVE_INFINITY;
  return (
    <table className="scale-table">
      <caption className="visually-hidden">{t("framework.scale")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("framework.scale.level")}</th>
          <th scope="col" className="numeric">
            {t("framework.scale.value")}
          </th>
          <th scope="col">{t("framework.scale.descriptor")}</th>
          <th scope="col">{t("framework.scale.mastery")}</th>
        </tr>
      </thead>
      <tbody>
        {scale.levels.map((level) => (
          <tr key={level.code}>
            <th scope="row">{level.label}</th>
            <td className="numeric">{level.value}</td>
            <td>{level.descriptor}</td>
            <td>{level.value >= masteryValue ? t("framework.scale.masteryYes") : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

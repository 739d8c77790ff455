import { useT } from "../i18n/context";
import { usePageTitle } from "../ui/usePageTitle";
import { StudentBrowser } from "./StudentBrowser";

export function StudentsPage() {
  const t = useT();
  usePageTitle(t("students.title"));
  return (
    <>
      <h1>{t("students.title")}</h1>
      <StudentBrowser />
    </>
  );
}

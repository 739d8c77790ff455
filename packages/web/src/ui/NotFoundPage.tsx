import { Link } from "react-router";
import { useT } from "../i18n/context";
import { usePageTitle } from "./usePageTitle";

export function NotFoundPage() {
  const t = useT();
  usePageTitle(t("notFound.title"));
  return (
    <>
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <p>
        <Link to="/">{t("notFound.home")}</Link>
      </p>
    </>
  );
}

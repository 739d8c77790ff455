import { useT } from "../i18n/context";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import { useSchools } from "./api";
import { SchoolTable } from "./SchoolTable";

/** Schools overview; also the state analyst's home page, with a note that it is aggregate only. */
export function SchoolsPage({ title, note }: { title?: string; note?: string }) {
  const t = useT();
  const heading = title ?? t("schools.title");
  const schools = useSchools();
  usePageTitle(heading);
  return (
    <>
      <h1>{heading}</h1>
      {note && <p className="muted">{note}</p>}
      {schools.isPending ? (
        <Loading />
      ) : schools.isError ? (
        <ErrorState error={schools.error} onRetry={() => schools.refetch()} />
      ) : (
        <SchoolTable schools={schools.data.schools} />
      )}
    </>
  );
}

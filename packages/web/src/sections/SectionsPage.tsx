import { useT } from "../i18n/context";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import { useSections } from "./api";
import { SectionTable } from "./SectionTable";

/** The sections the viewer may see; also the home page of teachers and paraprofessionals. */
export function SectionsPage({ title, children }: { title?: string; children?: React.ReactNode }) {
  const t = useT();
  const heading = title ?? t("sections.title");
  const sections = useSections();
  usePageTitle(heading);
  return (
    <>
      <h1>{heading}</h1>
      {children}
      {sections.isPending ? (
        <Loading />
      ) : sections.isError ? (
        <ErrorState error={sections.error} onRetry={() => sections.refetch()} />
      ) : (
        <SectionTable sections={sections.data.sections} />
      )}
    </>
  );
}

import { Route, Routes } from "react-router";
import { RequireSession } from "./auth/RequireSession";
import { SignInPage } from "./auth/SignInPage";
import { useMe } from "./auth/session";
import { HomePage } from "./home/HomePage";
import { I18nProvider } from "./i18n/context";
import { SchoolsPage } from "./organization/SchoolsPage";
import { StudentProfilePage } from "./people/StudentProfilePage";
import { StudentsPage } from "./people/StudentsPage";
import { SectionRosterPage } from "./sections/SectionRosterPage";
import { SectionsPage } from "./sections/SectionsPage";
import { Layout } from "./ui/Layout";
import { NotFoundPage } from "./ui/NotFoundPage";

export function App() {
  const me = useMe();
  return (
    <I18nProvider preferred={me.data?.person.preferredLanguage}>
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route element={<RequireSession />}>
          <Route element={<Layout />}>
            <Route index element={<HomePage />} />
            <Route path="home/:role" element={<HomePage />} />
            <Route path="sections" element={<SectionsPage />} />
            <Route path="sections/:id" element={<SectionRosterPage />} />
            <Route path="students" element={<StudentsPage />} />
            <Route path="students/:id" element={<StudentProfilePage />} />
            <Route path="schools" element={<SchoolsPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </I18nProvider>
  );
}

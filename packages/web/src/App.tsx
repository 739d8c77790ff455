import { Route, Routes } from "react-router";
import { AccessLogSearchPage } from "./admin/AccessLogSearchPage";
import { AuditEventsPage } from "./admin/AuditEventsPage";
import { PrivacySettingsPage } from "./admin/PrivacySettingsPage";
import { StatedReasonPage } from "./admin/StatedReasonPage";
import { RequireSession } from "./auth/RequireSession";
import { SignInPage } from "./auth/SignInPage";
import { useMe } from "./auth/session";
import { GradebookPage } from "./evidence/GradebookPage";
import { LearningPage } from "./evidence/LearningPage";
import { QueuePage } from "./evidence/QueuePage";
import { ScoreTaskPage } from "./evidence/ScoreTaskPage";
import { FrameworkPage } from "./framework/FrameworkPage";
import { FrameworksPage } from "./framework/FrameworksPage";
import { ItemPage } from "./framework/ItemPage";
import { HomePage } from "./home/HomePage";
import { I18nProvider } from "./i18n/context";
import { MethodsPage } from "./mastery/MethodsPage";
import { SchoolsPage } from "./organization/SchoolsPage";
import { StudentProfilePage } from "./people/StudentProfilePage";
import { StudentsPage } from "./people/StudentsPage";
import { CorrectionQueuePage } from "./privacy/CorrectionQueuePage";
import { NoticeEditorPage } from "./privacy/NoticeEditorPage";
import { PrivacyNoticePage } from "./privacy/PrivacyNoticePage";
import { ProvidersPage } from "./providers/ProvidersPage";
import { EnrollmentReportPage } from "./reports/EnrollmentReportPage";
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
            <Route path="sections/:id/gradebook" element={<GradebookPage />} />
            <Route path="sections/:id/score" element={<ScoreTaskPage />} />
            <Route path="evidence/pending" element={<QueuePage />} />
            <Route path="students" element={<StudentsPage />} />
            <Route path="students/:id" element={<StudentProfilePage />} />
            <Route path="students/:id/learning" element={<LearningPage />} />
            <Route path="schools" element={<SchoolsPage />} />
            <Route path="frameworks" element={<FrameworksPage />} />
            <Route path="mastery/methods" element={<MethodsPage />} />
            <Route path="frameworks/:id" element={<FrameworkPage />} />
            <Route path="frameworks/:id/items/:itemId" element={<ItemPage />} />
            <Route path="privacy-notice" element={<PrivacyNoticePage />} />
            <Route path="privacy-notice/edit" element={<NoticeEditorPage />} />
            <Route path="correction-requests" element={<CorrectionQueuePage />} />
            <Route path="providers" element={<ProvidersPage />} />
            <Route path="admin/access-log" element={<AccessLogSearchPage />} />
            <Route path="admin/privacy-settings" element={<PrivacySettingsPage />} />
            <Route path="admin/audit-events" element={<AuditEventsPage />} />
            <Route path="admin/stated-reason" element={<StatedReasonPage />} />
            <Route path="reports/enrollment" element={<EnrollmentReportPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </I18nProvider>
  );
}

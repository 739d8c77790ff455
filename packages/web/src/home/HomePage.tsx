import type { Me, Role } from "@cairn/core";
import { Link, useParams } from "react-router";
import { useMe } from "../auth/session";
import { useT } from "../i18n/context";
import { SchoolsPage } from "../organization/SchoolsPage";
import { StudentProfile } from "../people/StudentProfile";
import { SectionsPage } from "../sections/SectionsPage";
import { NotFoundPage } from "../ui/NotFoundPage";
import { GuardianHome, MentorHome } from "./FamilyHomes";
import { homeRoles } from "./roles";
import { DistrictAdminHome, SchoolLeaderHome, SystemAdminHome } from "./StaffHomes";

/** The home page of the role named in the address, or of the person's first role. */
export function HomePage() {
  const me = useMe().data;
  const { role } = useParams();
  if (!me) return null;
  const roles = homeRoles(me);
  const chosen = role === undefined ? roles[0] : roles.find((held) => held === role);
  if (!chosen) return <NotFoundPage />;
  return <RoleHome role={chosen} me={me} />;
}

function RoleHome({ role, me }: { role: Role; me: Me }) {
  const t = useT();
  switch (role) {
    case "teacher":
    case "paraprofessional":
      return (
        <SectionsPage title={t("home.teacher.title")}>
          <p>
            <Link to="/evidence/pending">{t("queue.link")}</Link>
          </p>
        </SectionsPage>
      );
    case "school_leader":
      return <SchoolLeaderHome me={me} />;
    case "district_admin":
      return <DistrictAdminHome />;
    case "state_analyst":
      return <SchoolsPage title={t("home.state.title")} note={t("home.state.note")} />;
    case "mentor":
      return <MentorHome />;
    case "guardian":
      return <GuardianHome />;
    case "student":
      return <StudentProfile studentId={me.person.id} />;
    case "system_admin":
      return <SystemAdminHome />;
  }
}

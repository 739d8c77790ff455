import { Link } from "react-router";
import { useT } from "../i18n/context";

/** The district admin's privacy pages, listed on their home page. */
export function DistrictAdminLinks() {
  const t = useT();
  return (
    <nav aria-labelledby="admin-links-title">
      <h2 id="admin-links-title">{t("admin.home.title")}</h2>
      <ul className="plain-list">
        <li>
          <Link to="/admin/access-log">{t("admin.home.accessLog")}</Link>
        </li>
        <li>
          <Link to="/reports/enrollment">{t("admin.home.report")}</Link>
        </li>
        <li>
          <Link to="/admin/privacy-settings">{t("admin.home.settings")}</Link>
        </li>
        <li>
          <Link to="/admin/audit-events">{t("admin.home.audit")}</Link>
        </li>
        <li>
          <Link to="/mastery/methods">{t("mastery.methods.nav")}</Link>
        </li>
      </ul>
    </nav>
  );
}

/** The system admin's two privacy pages. */
export function SystemAdminLinks() {
  const t = useT();
  return (
    <ul className="plain-list">
      <li>
        <Link to="/admin/stated-reason">{t("admin.home.statedReason")}</Link>
      </li>
      <li>
        <Link to="/admin/audit-events">{t("admin.home.audit")}</Link>
      </li>
    </ul>
  );
}

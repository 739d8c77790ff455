import { useEffect, useRef } from "react";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { useMe, useSignOut } from "../auth/session";
import { HOME_ROLE_ORDER, hasAnyRole, homeRoles, SCHOOL_ROLES, SECTION_ROLES } from "../home/roles";
import { useT } from "../i18n/context";
import { fullName } from "../i18n/format";
import { LanguageSwitcher } from "../i18n/LanguageSwitcher";

/** Header with navigation, the person and sign-out; the page itself in <main>. */
export function Layout() {
  const t = useT();
  const me = useMe().data;
  const navigate = useNavigate();
  const signOut = useSignOut(() => navigate("/sign-in", { replace: true }));
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After navigating (location.pathname changes), move focus to the new page so keyboard and
  // screen-reader users start there.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  if (!me) return null;
  const roles = homeRoles(me);
  const primary = roles[0] ?? HOME_ROLE_ORDER[0];

  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            {t("app.name")}
          </Link>
          <nav aria-label={t("nav.main")}>
            <ul className="nav-list">
              <li>
                <NavLink to="/" end>
                  {t("nav.home")}
                </NavLink>
              </li>
              {hasAnyRole(me, SECTION_ROLES) && (
                <li>
                  <NavLink to="/sections">{t("sections.title")}</NavLink>
                </li>
              )}
              {hasAnyRole(me, ["school_leader", "district_admin"]) && (
                <li>
                  <NavLink to="/students">{t("students.title")}</NavLink>
                </li>
              )}
              {hasAnyRole(me, SCHOOL_ROLES) && (
                <li>
                  <NavLink to="/schools">{t("schools.title")}</NavLink>
                </li>
              )}
              <li>
                <NavLink to="/frameworks">{t("framework.nav")}</NavLink>
              </li>
              {hasAnyRole(me, ["state_analyst", "district_admin", "school_leader"]) && (
                <li>
                  <NavLink to="/reports/enrollment">{t("report.title")}</NavLink>
                </li>
              )}
              {hasAnyRole(me, ["district_admin"]) && (
                <li>
                  <NavLink to="/correction-requests">{t("queue.title")}</NavLink>
                </li>
              )}
              {hasAnyRole(me, ["district_admin"]) && (
                <li>
                  <NavLink to="/providers">{t("providers.nav")}</NavLink>
                </li>
              )}
              {me.roles.some((grant) => grant.districtId !== null) && (
                <li>
                  <NavLink to="/privacy-notice">{t("notice.nav")}</NavLink>
                </li>
              )}
            </ul>
            {roles.length > 1 && (
              <ul className="nav-list role-list" aria-label={t("nav.roles")}>
                {roles.map((role) => (
                  <li key={role}>
                    <NavLink to={role === primary ? "/" : `/home/${role}`} end>
                      {t("nav.roleHome", { role: t(`role.${role}`) })}
                    </NavLink>
                  </li>
                ))}
              </ul>
            )}
          </nav>
          <div className="header-person">
            <span>{t("nav.signedInAs", { name: fullName(me.person) })}</span>
            <LanguageSwitcher />
            <button type="button" disabled={signOut.isPending} onClick={signOut.signOut}>
              {t("nav.signOut")}
            </button>
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

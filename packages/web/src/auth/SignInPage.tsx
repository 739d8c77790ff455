import { type FormEvent, useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { type Translate, useT } from "../i18n/context";
import { LanguageSwitcher } from "../i18n/LanguageSwitcher";
import { ApiError } from "../ui/api";
import { Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import { useMe, useSignIn } from "./session";

function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === "string" && from.startsWith("/") && !from.startsWith("/sign-in") ? from : "/";
}

/** The reader's language for the answers a sign-in can get; anything else shows the API's own words. */
function signInErrorText(t: Translate, error: Error): string {
  if (error instanceof ApiError && error.code === "unauthenticated") return t("signIn.wrong");
  if (error instanceof ApiError && error.code === "too_many_attempts") return t("signIn.locked");
  return t("signIn.failed", { message: error.message });
}

export function SignInPage() {
  const t = useT();
  const me = useMe();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  usePageTitle(t("signIn.title"));

  if (me.isPending) return <Loading />;
  if (me.data && !signIn.isPending) return <Navigate to={returnPath(location.state)} replace />;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: () => navigate(returnPath(location.state), { replace: true }) });
  }

  return (
    <div className="sign-in-shell">
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="sign-in-header">
        <span className="brand">{t("app.name")}</span>
        <LanguageSwitcher />
      </header>
      <main id="main" tabIndex={-1} className="sign-in-card">
        <h1>{t("signIn.title")}</h1>
        <p className="muted">{t("signIn.intro")}</p>
        {signIn.isError && (
          <div className="alert" role="alert">
            {signInErrorText(t, signIn.error)}
          </div>
        )}
        <form onSubmit={submit} aria-busy={signIn.isPending}>
          <div className="field">
            <label htmlFor="email">{t("signIn.email")}</label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              disabled={signIn.isPending}
            />
          </div>
          <div className="field">
            <label htmlFor="password">{t("signIn.password")}</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              disabled={signIn.isPending}
            />
          </div>
          <button type="submit" className="primary" disabled={signIn.isPending}>
            {signIn.isPending ? t("signIn.submitting") : t("signIn.submit")}
          </button>
        </form>
      </main>
    </div>
  );
}

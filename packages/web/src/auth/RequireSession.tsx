import { Navigate, Outlet, useLocation } from "react-router";
import { ErrorState, Loading } from "../ui/states";
import { useMe } from "./session";

/** Renders the signed-in pages, or sends the reader to sign in and back afterwards. */
export function RequireSession() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending || me.isError) {
    return (
      <main id="main" tabIndex={-1}>
        {me.isPending ? <Loading /> : <ErrorState error={me.error} onRetry={() => me.refetch()} />}
      </main>
    );
  }
  if (!me.data) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/sign-in" replace state={{ from }} />;
  }
  return <Outlet />;
}

import type { Agreement, IssuedToken } from "@cairn/core";
import { type FormEvent, useId, useRef, useState } from "react";
import { useLanguage, useT } from "../i18n/context";
import { describeError, useIssueToken, useRevokeToken } from "./api";

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The agreement's tokens with a revoke button each, and the form that issues a new one (shown once). */
export function TokenPanel({ agreement }: { agreement: Agreement }) {
  const t = useT();
  const [language] = useLanguage();
  const when = new Intl.DateTimeFormat(language, { dateStyle: "medium" });
  const revoke = useRevokeToken();
  const now = Date.now();
  const stateOf = (token: Agreement["tokens"][number]) =>
    token.revokedAt
      ? t("tokens.state.revoked")
      : new Date(token.expiresAt).getTime() <= now
        ? t("tokens.state.expired")
        : t("tokens.state.live");
  return (
    <section>
      <h4>{t("tokens.title")}</h4>
      {agreement.tokens.length === 0 ? (
        <p>{t("tokens.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t("tokens.caption", { provider: agreement.provider.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tokens.label")}</th>
                <th scope="col">{t("tokens.created")}</th>
                <th scope="col">{t("tokens.expires")}</th>
                <th scope="col">{t("tokens.lastUsed")}</th>
                <th scope="col">{t("tokens.state")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("tokens.revokeShort")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {agreement.tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.label}</th>
                  <td>{when.format(new Date(token.createdAt))}</td>
                  <td>{when.format(new Date(token.expiresAt))}</td>
                  <td>{token.lastUsedAt ? when.format(new Date(token.lastUsedAt)) : t("tokens.never")}</td>
                  <td>{stateOf(token)}</td>
                  <td>
                    {!token.revokedAt && (
                      <button
                        type="button"
                        aria-label={t("tokens.revoke", { label: token.label })}
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate(token.id)}
                      >
                        {t("tokens.revokeShort")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {revoke.isError && (
        <p role="alert" className="form-message">
          {t("providers.failed", { message: describeError(revoke.error) })}
        </p>
      )}
      {agreement.status !== "destroyed" && <IssueTokenForm agreementId={agreement.id} />}
    </section>
  );
}

function IssueTokenForm({ agreementId }: { agreementId: string }) {
  const t = useT();
  const id = useId();
  const issue = useIssueToken(agreementId);
  const [label, setLabel] = useState("");
  const [expiresOn, setExpiresOn] = useState(() => inDays(90));
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const [copied, setCopied] = useState(false);
  const shown = useRef<HTMLDivElement>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCopied(false);
    issue.mutate(
      { label, expiresAt: `${expiresOn}T00:00:00Z` },
      {
        onSuccess: (token) => {
          setIssued(token);
          setLabel("");
          requestAnimationFrame(() => shown.current?.focus());
        },
      },
    );
  }

  async function copy(token: string) {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      // Without clipboard access the token stays on screen to copy by hand.
    }
  }

  return (
    <>
      {issued && (
        <div className="issued-token" ref={shown} tabIndex={-1} role="status">
          <p>{t("tokens.issued")}</p>
          <p className="visually-hidden">{t("tokens.tokenLabel")}</p>
          <code data-testid="issued-token">{issued.token}</code>
          <button type="button" onClick={() => copy(issued.token)}>
            {t("tokens.copy")}
          </button>{" "}
          {copied && <span className="success">{t("tokens.copied")}</span>}
        </div>
      )}
      <form className="inline-form" onSubmit={submit} aria-label={t("tokens.issue")}>
        <div className="field">
          <label htmlFor={`${id}-label`}>{t("tokens.label")}</label>
          <input
            id={`${id}-label`}
            required
            maxLength={200}
            value={label}
            onChange={(event) => setLabel(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-expires`}>{t("tokens.expiresOn")}</label>
          <input
            id={`${id}-expires`}
            type="date"
            required
            min={inDays(1)}
            max={inDays(365)}
            value={expiresOn}
            onChange={(event) => setExpiresOn(event.target.value)}
          />
        </div>
        <button type="submit" className="primary" disabled={issue.isPending}>
          {issue.isPending ? t("tokens.issuing") : t("tokens.issue")}
        </button>
        {issue.isError && (
          <p role="alert" className="form-message">
            {t("providers.failed", { message: describeError(issue.error) })}
          </p>
        )}
      </form>
    </>
  );
}

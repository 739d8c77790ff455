import type { FrameworkSummary } from "@cairn/core";
import { useT } from "../i18n/context";

export function StatusBadge({ status }: { status: FrameworkSummary["status"] }) {
  const t = useT();
  return <span className={`badge badge-${status}`}>{t(`framework.status.${status}`)}</span>;
}

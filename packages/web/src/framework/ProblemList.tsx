import type { ApiError } from "../ui/api";

/** An error from the API, with each located problem it lists (`levels.2.value: …`). */
export function ProblemList({ error }: { error: ApiError }) {
  const details = error.details.filter((detail) => detail.path && detail.path.length > 0);
  return (
    <div className="alert" role="alert">
      <p>{error.message}</p>
      {details.length > 0 && (
        <ul>
          {details.map((detail, index) => (
            // The server's order; a path can repeat with different messages.
            <li key={index}>
              <code>{detail.path?.filter((part) => part !== "body").join(".")}</code>: {detail.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

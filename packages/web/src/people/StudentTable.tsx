import type { StudentSummary } from "@cairn/core";
import { Link } from "react-router";
import { useT } from "../i18n/context";
import { fullName, gradeLabel } from "../i18n/format";

/** Students with a link to each profile; the name is the row's header. */
export function StudentTable({
  students,
  caption,
  showSchool = false,
}: {
  students: StudentSummary[];
  caption: string;
  showSchool?: boolean;
}) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("students.name")}</th>
            <th scope="col">{t("profile.grade")}</th>
            <th scope="col">{t("students.number")}</th>
            {showSchool && <th scope="col">{t("students.school")}</th>}
          </tr>
        </thead>
        <tbody>
          {students.map((student) => (
            <tr key={student.id} data-student-id={student.id}>
              <th scope="row">
                <Link to={`/students/${student.id}`}>{fullName(student)}</Link>
              </th>
              <td>{gradeLabel(t, student.gradeLevel)}</td>
              <td>{student.studentNumber}</td>
              {showSchool && <td>{student.schoolName}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

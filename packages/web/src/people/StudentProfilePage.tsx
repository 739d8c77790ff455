import { useParams } from "react-router";
import { StudentProfile } from "./StudentProfile";

export function StudentProfilePage() {
  const { id = "" } = useParams();
  return <StudentProfile key={id} studentId={id} />;
}

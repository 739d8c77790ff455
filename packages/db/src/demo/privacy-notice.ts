import type { BulkTransaction } from "../copy";

/**
 * A sample annual privacy notice for the demo district, so a fresh `npm start` shows
 * families what one looks like. A real district writes its own in the notice editor.
 */
export const SAMPLE_PRIVACY_NOTICE = {
  en: `Each year Maplewood Unified tells families what it records about students and who may see it.

What we collect: your child's name, school, grade and student number (profile); birth date, gender, race and ethnicity, and support plans (demographics); the family members linked to your child (family); classes and teachers (classes); and mentors outside school (mentors).

Who sees it: your child's teachers and school leaders, for as long as they teach or support your child; district staff who administer records; and the providers listed beside this notice, only for the purpose and the schools their agreement names.

Your rights: you can see who has opened your child's record, download all of it, and ask us to correct anything that is wrong. Once your child turns 18, these rights are theirs.`,
  es: `Cada año, Maplewood Unified informa a las familias de lo que registra sobre los estudiantes y de quién puede verlo.

Lo que recopilamos: el nombre, la escuela, el grado y el número de estudiante de su hijo o hija (perfil); la fecha de nacimiento, el género, la raza y el origen étnico, y los planes de apoyo (datos demográficos); los familiares vinculados (familia); las clases y los maestros (clases); y los mentores fuera de la escuela (mentores).

Quién lo ve: los maestros y directivos de la escuela de su hijo o hija, mientras le enseñen o apoyen; el personal del distrito que administra los expedientes; y los proveedores que aparecen junto a este aviso, solo para el fin y las escuelas que indica su acuerdo.

Sus derechos: puede ver quién ha abierto el expediente de su hijo o hija, descargarlo completo y pedirnos que corrijamos lo que esté mal. Cuando su hijo o hija cumpla 18 años, estos derechos pasan a ser suyos.`,
} as const;

/** Publishes the sample notice for the demo's school year, as if in mid-August. */
export async function loadSampleNotice(
  exec: BulkTransaction["exec"],
  districtId: string,
  schoolYear: number,
): Promise<void> {
  for (const [language, body] of Object.entries(SAMPLE_PRIVACY_NOTICE)) {
    await exec(
      "insert into privacy_notice (district_id, school_year, language, body, published_at) values ($1, $2, $3, $4, $5)",
      [districtId, `${schoolYear}-${schoolYear + 1}`, language, body, `${schoolYear}-08-15T12:00:00Z`],
    );
  }
}

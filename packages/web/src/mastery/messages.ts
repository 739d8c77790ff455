/**
 * The strings of the mastery pages, merged into `en` and `es` in i18n/messages.ts.
 * `masteryEs` is typed by the English keys, so a missing translation fails the type check.
 */
export const masteryEn = {
  "mastery.methods.nav": "Mastery methods",
  "mastery.methods.title": "How mastery is worked out",
  "mastery.methods.intro":
    "Each item's scores, oldest first, become a level by the item's method. Try a method on your own scores: the result is worked out by the same function Cairn stores mastery with.",
  "mastery.methods.method": "Method",
  "mastery.methods.scores": "Scores, oldest first, separated by commas",
  "mastery.methods.weight": "Weight on the newest score",
  "mastery.methods.n": "Scores needed at the mastery level",
  "mastery.methods.minObservations": "Fewest scores before mastery can be declared",
  "mastery.methods.scale": "Scale: 1 Beginning, 2 Developing, 3 Proficient (mastery), 4 Advanced.",
  "mastery.methods.result": "Result",
  "mastery.methods.value": "Value: {value}",
  "mastery.methods.noValue": "No scores yet: nothing to work out.",
  "mastery.methods.mastered": "Mastered",
  "mastery.methods.notMastered": "Not mastered yet",
  "mastery.methods.badScores": "Scores must be numbers from 1 to 4, separated by commas.",
  "mastery.method.latest": "Latest score",
  "mastery.method.latest.about": "The newest score is the level. Mastery can be lost by a lower newest score.",
  "mastery.method.highest": "Highest score",
  "mastery.method.highest.about": "The best score so far is the level. Mastery is never lost.",
  "mastery.method.mean": "Mean",
  "mastery.method.mean.about": "The mean of all scores. Early scores weigh as much as recent ones.",
  "mastery.method.decaying-average": "Decaying average",
  "mastery.method.decaying-average.about":
    "The newest score carries the weight you choose (0.65 by default); the mean of all earlier scores carries the rest.",
  "mastery.method.standard-decaying-average": "Standard decaying average",
  "mastery.method.standard-decaying-average.about":
    "Each new score pulls the running value toward it by the weight you choose, so older scores fade step by step.",
  "mastery.method.n-mastery": "Mastery n times",
  "mastery.method.n-mastery.about":
    "Mastered once enough scores reach the mastery level; the value is the mean of that many highest scores. Never lost.",
  "mastery.method.power-law": "Power law",
  "mastery.method.power-law.about":
    "A learning curve fitted to all the scores, read at the latest attempt: it rewards steady growth.",
  "mastery.choice.title": "Your district's choice",
  "mastery.choice.scope": "Apply to",
  "mastery.choice.district": "The whole district (default)",
  "mastery.choice.item": "One skill",
  "mastery.choice.useMethod": "Use {method} with these settings",
  "mastery.choice.saved": "Saved. {count} stored mastery values were recomputed.",
  "mastery.rollup.title": "How skills roll up to competencies and traits",
  "mastery.rollup.intro":
    "A competency (and a Portrait of a Graduate trait) is judged by the skills under it, by the rule you choose.",
  "mastery.rollup.rule": "Rule",
  "mastery.rollup.all": "Every skill mastered",
  "mastery.rollup.share": "Share of skills mastered",
  "mastery.rollup.mean": "Mean level reaches mastery",
  "mastery.rollup.save": "Save the rule for {scope}",
  "mastery.rollup.saved": "Saved.",
};

export const masteryEs: Record<keyof typeof masteryEn, string> = {
  "mastery.methods.nav": "Métodos de dominio",
  "mastery.methods.title": "Cómo se calcula el dominio",
  "mastery.methods.intro":
    "Las calificaciones de cada elemento, de la más antigua a la más reciente, se convierten en un nivel según el método del elemento. Pruebe un método con sus propias calificaciones: el resultado lo calcula la misma función con la que Cairn guarda el dominio.",
  "mastery.methods.method": "Método",
  "mastery.methods.scores": "Calificaciones, de la más antigua a la más reciente, separadas por comas",
  "mastery.methods.weight": "Peso de la calificación más reciente",
  "mastery.methods.n": "Calificaciones necesarias en el nivel de dominio",
  "mastery.methods.minObservations": "Mínimo de calificaciones antes de declarar el dominio",
  "mastery.methods.scale": "Escala: 1 Inicial, 2 En desarrollo, 3 Competente (dominio), 4 Avanzado.",
  "mastery.methods.result": "Resultado",
  "mastery.methods.value": "Valor: {value}",
  "mastery.methods.noValue": "Todavía no hay calificaciones: no hay nada que calcular.",
  "mastery.methods.mastered": "Dominado",
  "mastery.methods.notMastered": "Todavía no dominado",
  "mastery.methods.badScores": "Las calificaciones deben ser números del 1 al 4, separados por comas.",
  "mastery.method.latest": "Calificación más reciente",
  "mastery.method.latest.about":
    "La calificación más reciente es el nivel. El dominio se puede perder con una calificación más baja después.",
  "mastery.method.highest": "Calificación más alta",
  "mastery.method.highest.about": "La mejor calificación hasta ahora es el nivel. El dominio nunca se pierde.",
  "mastery.method.mean": "Promedio",
  "mastery.method.mean.about": "El promedio de todas las calificaciones. Las primeras pesan tanto como las recientes.",
  "mastery.method.decaying-average": "Promedio con decaimiento",
  "mastery.method.decaying-average.about":
    "La calificación más reciente lleva el peso que elija (0,65 por defecto); el promedio de las anteriores lleva el resto.",
  "mastery.method.standard-decaying-average": "Promedio con decaimiento estándar",
  "mastery.method.standard-decaying-average.about":
    "Cada calificación nueva acerca el valor hacia ella según el peso que elija, así que las antiguas se desvanecen poco a poco.",
  "mastery.method.n-mastery": "Dominio n veces",
  "mastery.method.n-mastery.about":
    "Se domina cuando suficientes calificaciones alcanzan el nivel de dominio; el valor es el promedio de esas calificaciones más altas. Nunca se pierde.",
  "mastery.method.power-law": "Ley de potencia",
  "mastery.method.power-law.about":
    "Una curva de aprendizaje ajustada a todas las calificaciones, leída en el último intento: premia el crecimiento constante.",
  "mastery.choice.title": "La elección de su distrito",
  "mastery.choice.scope": "Aplicar a",
  "mastery.choice.district": "Todo el distrito (predeterminado)",
  "mastery.choice.item": "Una habilidad",
  "mastery.choice.useMethod": "Usar {method} con esta configuración",
  "mastery.choice.saved": "Guardado. Se recalcularon {count} valores de dominio guardados.",
  "mastery.rollup.title": "Cómo se agregan las habilidades en competencias y rasgos",
  "mastery.rollup.intro":
    "Una competencia (y un rasgo del Perfil del Graduado) se juzga por las habilidades que contiene, según la regla que elija.",
  "mastery.rollup.rule": "Regla",
  "mastery.rollup.all": "Todas las habilidades dominadas",
  "mastery.rollup.share": "Proporción de habilidades dominadas",
  "mastery.rollup.mean": "El nivel medio alcanza el dominio",
  "mastery.rollup.save": "Guardar la regla para {scope}",
  "mastery.rollup.saved": "Guardado.",
};

import type { Language } from '../../kernel/localized.ts';
import type { AgeBand, LawfulBasis, ParticipationRole, PositionLevel, Sex } from './participants.table.ts';

/**
 * What the server writes for people to read about participants, in the five languages: the import
 * template's columns and values, the import report's messages, and the certificate of attendance.
 */

export const importColumns = [
  'fullName',
  'institution',
  'sex',
  'ageBand',
  'positionLevel',
  'position',
  'email',
  'phone',
  'role',
  'lawfulBasis',
  'consentTextVersion',
  'consentGivenOn',
] as const;
export type ImportColumn = (typeof importColumns)[number];

type Values = {
  sex: Record<Sex, string>;
  ageBand: Record<AgeBand, string>;
  positionLevel: Record<PositionLevel, string>;
  role: Record<ParticipationRole, string>;
  lawfulBasis: Record<LawfulBasis, string>;
};

interface Catalog {
  columns: Record<ImportColumn, string>;
  values: Values;
  sheet: { participants: string; values: string; column: string; allowed: string; help: string };
  problems: {
    required: string;
    unknownValue: (allowed: string) => string;
    email: string;
    date: string;
    tooLong: (max: number) => string;
    duplicateInFile: (row: number) => string;
    alreadyRegistered: string;
    otherInstitution: string;
    consentVersion: string;
    consentDate: string;
    unknownColumns: (names: string) => string;
    missingColumn: string;
  };
  certificate: {
    title: string;
    certifies: string;
    attended: (role: string) => string;
    action: (name: string) => string;
    heldIn: (place: string) => string;
    dates: (from: string, to: string) => string;
    days: (present: number, total: number) => string;
    hours: (hours: string) => string;
    issued: (date: string) => string;
    facility: string;
  };
}

const en: Catalog = {
  columns: {
    fullName: 'Full name',
    institution: 'Institution',
    sex: 'Sex',
    ageBand: 'Age band',
    positionLevel: 'Position level',
    position: 'Position',
    email: 'E-mail',
    phone: 'Phone',
    role: 'Role',
    lawfulBasis: 'Lawful basis',
    consentTextVersion: 'Consent text version',
    consentGivenOn: 'Consent given on (YYYY-MM-DD)',
  },
  values: {
    sex: { female: 'Female', male: 'Male', other: 'Other' },
    ageBand: {
      under_25: 'Under 25',
      '25_34': '25-34',
      '35_44': '35-44',
      '45_54': '45-54',
      '55_plus': '55 and over',
    },
    positionLevel: { junior: 'Junior', mid_level: 'Mid-level', senior: 'Senior', trainer: 'Trainer' },
    role: { participant: 'Participant', trainer: 'Trainer', speaker: 'Speaker', observer: 'Observer' },
    lawfulBasis: { consent: 'Consent', public_task: 'Public task' },
  },
  sheet: {
    participants: 'Participants',
    values: 'Allowed values',
    column: 'Column',
    allowed: 'Allowed values',
    help: 'One participant per row, from row 2. Required: full name, sex, position level, lawful basis; with consent, its text version and date.',
  },
  problems: {
    required: 'is required',
    unknownValue: (allowed) => `is not one of: ${allowed}`,
    email: 'is not an e-mail address',
    date: 'is not a date as YYYY-MM-DD',
    tooLong: (max) => `is longer than ${max} characters`,
    duplicateInFile: (row) => `names the same person as row ${row}`,
    alreadyRegistered: 'this person is already registered for the activity',
    otherInstitution: 'you can register only officials of your own institution',
    consentVersion: 'say which version of the consent text the person was shown',
    consentDate: 'say when consent was given (YYYY-MM-DD)',
    unknownColumns: (names) => `unknown columns: ${names}`,
    missingColumn: 'this column is missing',
  },
  certificate: {
    title: 'Certificate of attendance',
    certifies: 'This is to certify that',
    attended: (role) => `took part, as ${role}, in`,
    action: (name) => `an activity of the Action ${name}`,
    heldIn: (place) => `held in ${place}`,
    dates: (from, to) => (from === to ? `on ${from}` : `from ${from} to ${to}`),
    days: (present, total) => `Days attended: ${present} of ${total}`,
    hours: (hours) => `Hours: ${hours}`,
    issued: (date) => `Issued on ${date}`,
    facility: 'Tandem technical assistance facility on migration',
  },
};

const fr: Catalog = {
  columns: {
    fullName: 'Nom complet',
    institution: 'Institution',
    sex: 'Sexe',
    ageBand: 'Tranche d’âge',
    positionLevel: 'Niveau de poste',
    position: 'Fonction',
    email: 'Courriel',
    phone: 'Téléphone',
    role: 'Rôle',
    lawfulBasis: 'Base légale',
    consentTextVersion: 'Version du texte de consentement',
    consentGivenOn: 'Consentement donné le (AAAA-MM-JJ)',
  },
  values: {
    sex: { female: 'Femme', male: 'Homme', other: 'Autre' },
    ageBand: {
      under_25: 'Moins de 25 ans',
      '25_34': '25-34',
      '35_44': '35-44',
      '45_54': '45-54',
      '55_plus': '55 ans et plus',
    },
    positionLevel: { junior: 'Junior', mid_level: 'Intermédiaire', senior: 'Senior', trainer: 'Formateur' },
    role: {
      participant: 'Participant',
      trainer: 'Formateur',
      speaker: 'Intervenant',
      observer: 'Observateur',
    },
    lawfulBasis: { consent: 'Consentement', public_task: 'Mission d’intérêt public' },
  },
  sheet: {
    participants: 'Participants',
    values: 'Valeurs admises',
    column: 'Colonne',
    allowed: 'Valeurs admises',
    help: 'Un participant par ligne, à partir de la ligne 2. Obligatoires : nom complet, sexe, niveau de poste, base légale ; avec le consentement, la version du texte et la date.',
  },
  problems: {
    required: 'est obligatoire',
    unknownValue: (allowed) => `n’est pas l’une des valeurs : ${allowed}`,
    email: 'n’est pas une adresse électronique',
    date: 'n’est pas une date au format AAAA-MM-JJ',
    tooLong: (max) => `dépasse ${max} caractères`,
    duplicateInFile: (row) => `désigne la même personne que la ligne ${row}`,
    alreadyRegistered: 'cette personne est déjà inscrite à l’activité',
    otherInstitution: 'vous ne pouvez inscrire que des agents de votre institution',
    consentVersion: 'indiquez la version du texte de consentement présentée à la personne',
    consentDate: 'indiquez la date du consentement (AAAA-MM-JJ)',
    unknownColumns: (names) => `colonnes inconnues : ${names}`,
    missingColumn: 'cette colonne manque',
  },
  certificate: {
    title: 'Attestation de participation',
    certifies: 'Nous attestons que',
    attended: (role) => `a participé, en qualité de ${role}, à`,
    action: (name) => `une activité de l’Action ${name}`,
    heldIn: (place) => `tenue à ${place}`,
    dates: (from, to) => (from === to ? `le ${from}` : `du ${from} au ${to}`),
    days: (present, total) => `Jours de présence : ${present} sur ${total}`,
    hours: (hours) => `Heures : ${hours}`,
    issued: (date) => `Délivrée le ${date}`,
    facility: 'Tandem, facilité d’assistance technique sur les migrations',
  },
};

const es: Catalog = {
  columns: {
    fullName: 'Nombre completo',
    institution: 'Institución',
    sex: 'Sexo',
    ageBand: 'Franja de edad',
    positionLevel: 'Nivel del puesto',
    position: 'Cargo',
    email: 'Correo electrónico',
    phone: 'Teléfono',
    role: 'Función',
    lawfulBasis: 'Base jurídica',
    consentTextVersion: 'Versión del texto de consentimiento',
    consentGivenOn: 'Consentimiento dado el (AAAA-MM-DD)',
  },
  values: {
    sex: { female: 'Mujer', male: 'Hombre', other: 'Otro' },
    ageBand: {
      under_25: 'Menos de 25',
      '25_34': '25-34',
      '35_44': '35-44',
      '45_54': '45-54',
      '55_plus': '55 o más',
    },
    positionLevel: { junior: 'Júnior', mid_level: 'Intermedio', senior: 'Sénior', trainer: 'Formador' },
    role: { participant: 'Participante', trainer: 'Formador', speaker: 'Ponente', observer: 'Observador' },
    lawfulBasis: { consent: 'Consentimiento', public_task: 'Misión de interés público' },
  },
  sheet: {
    participants: 'Participantes',
    values: 'Valores admitidos',
    column: 'Columna',
    allowed: 'Valores admitidos',
    help: 'Un participante por fila, desde la fila 2. Obligatorios: nombre completo, sexo, nivel del puesto, base jurídica; con consentimiento, la versión del texto y la fecha.',
  },
  problems: {
    required: 'es obligatorio',
    unknownValue: (allowed) => `no es uno de: ${allowed}`,
    email: 'no es una dirección de correo electrónico',
    date: 'no es una fecha AAAA-MM-DD',
    tooLong: (max) => `tiene más de ${max} caracteres`,
    duplicateInFile: (row) => `nombra a la misma persona que la fila ${row}`,
    alreadyRegistered: 'esta persona ya está inscrita en la actividad',
    otherInstitution: 'solo puede inscribir a funcionarios de su propia institución',
    consentVersion: 'indique qué versión del texto de consentimiento se mostró a la persona',
    consentDate: 'indique cuándo se dio el consentimiento (AAAA-MM-DD)',
    unknownColumns: (names) => `columnas desconocidas: ${names}`,
    missingColumn: 'falta esta columna',
  },
  certificate: {
    title: 'Certificado de asistencia',
    certifies: 'Se certifica que',
    attended: (role) => `participó, como ${role}, en`,
    action: (name) => `una actividad de la Acción ${name}`,
    heldIn: (place) => `celebrada en ${place}`,
    dates: (from, to) => (from === to ? `el ${from}` : `del ${from} al ${to}`),
    days: (present, total) => `Días de asistencia: ${present} de ${total}`,
    hours: (hours) => `Horas: ${hours}`,
    issued: (date) => `Expedido el ${date}`,
    facility: 'Tandem, mecanismo de asistencia técnica sobre migración',
  },
};

const pt: Catalog = {
  columns: {
    fullName: 'Nome completo',
    institution: 'Instituição',
    sex: 'Sexo',
    ageBand: 'Faixa etária',
    positionLevel: 'Nível do cargo',
    position: 'Cargo',
    email: 'E-mail',
    phone: 'Telefone',
    role: 'Papel',
    lawfulBasis: 'Fundamento jurídico',
    consentTextVersion: 'Versão do texto de consentimento',
    consentGivenOn: 'Consentimento dado em (AAAA-MM-DD)',
  },
  values: {
    sex: { female: 'Mulher', male: 'Homem', other: 'Outro' },
    ageBand: {
      under_25: 'Menos de 25',
      '25_34': '25-34',
      '35_44': '35-44',
      '45_54': '45-54',
      '55_plus': '55 ou mais',
    },
    positionLevel: { junior: 'Júnior', mid_level: 'Intermédio', senior: 'Sénior', trainer: 'Formador' },
    role: { participant: 'Participante', trainer: 'Formador', speaker: 'Orador', observer: 'Observador' },
    lawfulBasis: { consent: 'Consentimento', public_task: 'Missão de interesse público' },
  },
  sheet: {
    participants: 'Participantes',
    values: 'Valores admitidos',
    column: 'Coluna',
    allowed: 'Valores admitidos',
    help: 'Um participante por linha, a partir da linha 2. Obrigatórios: nome completo, sexo, nível do cargo, fundamento jurídico; com consentimento, a versão do texto e a data.',
  },
  problems: {
    required: 'é obrigatório',
    unknownValue: (allowed) => `não é um de: ${allowed}`,
    email: 'não é um endereço de e-mail',
    date: 'não é uma data AAAA-MM-DD',
    tooLong: (max) => `tem mais de ${max} caracteres`,
    duplicateInFile: (row) => `indica a mesma pessoa que a linha ${row}`,
    alreadyRegistered: 'esta pessoa já está inscrita na atividade',
    otherInstitution: 'só pode inscrever funcionários da sua própria instituição',
    consentVersion: 'indique a versão do texto de consentimento mostrada à pessoa',
    consentDate: 'indique quando o consentimento foi dado (AAAA-MM-DD)',
    unknownColumns: (names) => `colunas desconhecidas: ${names}`,
    missingColumn: 'falta esta coluna',
  },
  certificate: {
    title: 'Certificado de participação',
    certifies: 'Certifica-se que',
    attended: (role) => `participou, como ${role}, em`,
    action: (name) => `uma atividade da Ação ${name}`,
    heldIn: (place) => `realizada em ${place}`,
    dates: (from, to) => (from === to ? `em ${from}` : `de ${from} a ${to}`),
    days: (present, total) => `Dias de presença: ${present} de ${total}`,
    hours: (hours) => `Horas: ${hours}`,
    issued: (date) => `Emitido em ${date}`,
    facility: 'Tandem, mecanismo de assistência técnica sobre migração',
  },
};

const ar: Catalog = {
  columns: {
    fullName: 'الاسم الكامل',
    institution: 'المؤسسة',
    sex: 'الجنس',
    ageBand: 'الفئة العمرية',
    positionLevel: 'المستوى الوظيفي',
    position: 'الوظيفة',
    email: 'البريد الإلكتروني',
    phone: 'الهاتف',
    role: 'الدور',
    lawfulBasis: 'الأساس القانوني',
    consentTextVersion: 'نسخة نص الموافقة',
    consentGivenOn: 'تاريخ الموافقة (YYYY-MM-DD)',
  },
  values: {
    sex: { female: 'أنثى', male: 'ذكر', other: 'آخر' },
    ageBand: {
      under_25: 'أقل من 25',
      '25_34': '25-34',
      '35_44': '35-44',
      '45_54': '45-54',
      '55_plus': '55 فأكثر',
    },
    positionLevel: { junior: 'مبتدئ', mid_level: 'متوسط', senior: 'أول', trainer: 'مدرب' },
    role: { participant: 'مشارك', trainer: 'مدرب', speaker: 'متحدث', observer: 'مراقب' },
    lawfulBasis: { consent: 'الموافقة', public_task: 'مهمة عامة' },
  },
  sheet: {
    participants: 'المشاركون',
    values: 'القيم المسموح بها',
    column: 'العمود',
    allowed: 'القيم المسموح بها',
    help: 'مشارك واحد في كل صف، ابتداءً من الصف 2. الحقول المطلوبة: الاسم الكامل، الجنس، المستوى الوظيفي، الأساس القانوني؛ ومع الموافقة، نسخة النص وتاريخها.',
  },
  problems: {
    required: 'مطلوب',
    unknownValue: (allowed) => `ليس من القيم: ${allowed}`,
    email: 'ليس عنوان بريد إلكتروني',
    date: 'ليس تاريخًا بصيغة YYYY-MM-DD',
    tooLong: (max) => `أطول من ${max} حرفًا`,
    duplicateInFile: (row) => `يشير إلى الشخص نفسه في الصف ${row}`,
    alreadyRegistered: 'هذا الشخص مسجل بالفعل في النشاط',
    otherInstitution: 'يمكنك تسجيل موظفي مؤسستك فقط',
    consentVersion: 'اذكر نسخة نص الموافقة التي عُرضت على الشخص',
    consentDate: 'اذكر تاريخ الموافقة (YYYY-MM-DD)',
    unknownColumns: (names) => `أعمدة غير معروفة: ${names}`,
    missingColumn: 'هذا العمود مفقود',
  },
  certificate: {
    title: 'شهادة حضور',
    certifies: 'نشهد بأن',
    attended: (role) => `شارك بصفة ${role} في`,
    action: (name) => `نشاط من أنشطة الإجراء ${name}`,
    heldIn: (place) => `المنعقد في ${place}`,
    dates: (from, to) => (from === to ? `يوم ${from}` : `من ${from} إلى ${to}`),
    days: (present, total) => `أيام الحضور: ${present} من ${total}`,
    hours: (hours) => `الساعات: ${hours}`,
    issued: (date) => `صدرت في ${date}`,
    facility: 'تاندم، مرفق المساعدة الفنية في مجال الهجرة',
  },
};

export const participantsCatalog: Record<Language, Catalog> = { en, fr, es, pt, ar };

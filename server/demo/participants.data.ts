import type {
  AgeBand,
  LawfulBasis,
  ParticipationRole,
  PositionLevel,
  Sex,
} from '../features/participants/participants.table.ts';

/**
 * Invented participants of the demo facility: officials of the four Ghanaian institutions at the
 * Ghana III workshop on detecting victims at entry points (with attendance) and in the training of
 * trainers; staff of two shelters of Jordan's Ministry of Social Development at the Jordan I
 * workshop on the SOPs (with attendance) and the validation of the SOPs. Every name is invented.
 */
export interface DemoPerson {
  key: string;
  fullName: string;
  institution: string;
  sex: Sex;
  ageBand: AgeBand | null;
  positionLevel: PositionLevel;
  position: string;
  lawfulBasis: LawfulBasis;
}

export interface DemoRegister {
  action: string;
  /** The activity's English title, as in the workspace demo. */
  activity: string;
  /** Person keys with their role and, for a held activity, the days they were present (1-based). */
  people: Array<{ person: string; role?: ParticipationRole; presentOn?: number[] }>;
}

const ghanaWomen = [
  'Akua',
  'Ama',
  'Abena',
  'Efua',
  'Esi',
  'Adwoa',
  'Yaa',
  'Afua',
  'Akosua',
  'Araba',
  'Aba',
  'Dzifa',
  'Mawuena',
  'Selasi',
  'Naa',
  'Adjoa',
];
const ghanaMen = [
  'Kwame',
  'Kofi',
  'Kwabena',
  'Kwaku',
  'Yaw',
  'Kojo',
  'Kwesi',
  'Fiifi',
  'Kwadwo',
  'Selorm',
  'Edem',
  'Nii',
  'Ebo',
  'Kobina',
  'Atsu',
  'Senyo',
  'Kweku',
  'Paa',
  'Delali',
  'Eyram',
];
const ghanaSurnames = [
  'Mensah',
  'Owusu',
  'Boateng',
  'Asante',
  'Osei',
  'Agyeman',
  'Darko',
  'Amoah',
  'Ofori',
  'Appiah',
  'Quaye',
  'Tetteh',
  'Addo',
  'Sarpong',
  'Danquah',
  'Acheampong',
  'Frimpong',
  'Agbeko',
  'Amegah',
  'Kpodo',
  'Lartey',
  'Annan',
  'Ansah',
  'Badu',
  'Nyarko',
  'Gyamfi',
  'Adjei',
  'Bekoe',
  'Dogbe',
  'Ocran',
  'Yeboah',
  'Aidoo',
  'Ampofo',
  'Baffoe',
  'Essien',
  'Fosu',
];
const ghanaInstitutions = ['ghana-gis', 'ghana-gis', 'ghana-gps', 'ghana-mlje', 'ghana-mogcsp', 'ghana-gis'];
const ghanaPositions: Record<string, Record<PositionLevel, string>> = {
  'ghana-gis': {
    junior: 'Immigration officer, Aflao border post',
    mid_level: 'Assistant superintendent, Kotoka airport',
    senior: 'Chief superintendent, headquarters',
    trainer: 'Instructor, Immigration Service academy',
  },
  'ghana-gps': {
    junior: 'Constable, anti-human-trafficking unit',
    mid_level: 'Inspector, anti-human-trafficking unit',
    senior: 'Superintendent, CID headquarters',
    trainer: 'Instructor, police training school',
  },
  'ghana-mlje': {
    junior: 'Labour officer',
    mid_level: 'Senior labour inspector',
    senior: 'Deputy director, labour department',
    trainer: 'Training officer, labour department',
  },
  'ghana-mogcsp': {
    junior: 'Social welfare officer',
    mid_level: 'Senior social development officer',
    senior: 'Director, human trafficking secretariat',
    trainer: 'Trainer, social welfare department',
  },
};
const ages: AgeBand[] = ['25_34', '35_44', '25_34', '45_54', '35_44', 'under_25', '25_34', '55_plus'];

/** 36 officials: 16 women and 20 men; junior and mid-level mostly, a few senior, four trainers. */
const ghanaPeople: DemoPerson[] = Array.from({ length: 36 }, (_, i) => {
  const woman = i % 9 < 4; // 16 of 36
  const given = woman
    ? ghanaWomen[Math.floor((i / 9) * 4 + (i % 9)) % ghanaWomen.length]
    : ghanaMen[(i * 7) % ghanaMen.length];
  const positionLevel: PositionLevel =
    i % 9 === 8 ? 'trainer' : i % 12 === 5 ? 'senior' : i % 3 === 0 ? 'mid_level' : 'junior';
  const institution = ghanaInstitutions[i % ghanaInstitutions.length] as string;
  return {
    key: `gh-${i + 1}`,
    fullName: `${given} ${ghanaSurnames[i % ghanaSurnames.length]}`,
    institution,
    sex: woman ? 'female' : 'male',
    ageBand: i % 5 === 4 ? null : (ages[i % ages.length] as AgeBand),
    positionLevel,
    position: ghanaPositions[institution]?.[positionLevel] ?? '',
    lawfulBasis: i % 4 === 0 ? 'consent' : 'public_task',
  };
});

const jordanWomen = [
  'رنا الخطيب',
  'سلمى العمري',
  'هبة الزعبي',
  'دينا المومني',
  'نور حداد',
  'لينا الشريف',
  'منى القيسي',
  'ريم الطراونة',
  'آية البطاينة',
  'سارة النسور',
  'هالة العبادي',
  'ميس الرواشدة',
];
const jordanMen = [
  'عمر الحياري',
  'خالد المجالي',
  'يزن العتوم',
  'أحمد الفايز',
  'سامر الدباس',
  'مالك الخوالدة',
];
const jordanPositions: Record<PositionLevel, string> = {
  junior: 'Case worker, protection centre',
  mid_level: 'Case manager, protection centre',
  senior: 'Director, protection centre',
  trainer: 'Training coordinator, Ministry of Social Development',
};

/** 18 shelter staff of two protection centres in Amman: 12 women and 6 men. */
const jordanPeople: DemoPerson[] = [...jordanWomen, ...jordanMen].map((fullName, i) => {
  const positionLevel: PositionLevel =
    i === 0 || i === 12 ? 'senior' : i === 5 ? 'trainer' : i % 3 === 1 ? 'mid_level' : 'junior';
  return {
    key: `jo-${i + 1}`,
    fullName,
    institution: 'jordan-mosd',
    sex: i < jordanWomen.length ? 'female' : 'male',
    ageBand: (ages[(i + 3) % ages.length] as AgeBand) ?? null,
    positionLevel,
    position: jordanPositions[positionLevel],
    lawfulBasis: 'consent',
  };
});

export const demoPeople: DemoPerson[] = [...ghanaPeople, ...jordanPeople];

/** Attendance over three days: most came every day, some missed one, two came once. */
const threeDays = (i: number) =>
  i % 11 === 10 ? [1] : i % 6 === 5 ? [1, 2] : i % 7 === 3 ? [2, 3] : [1, 2, 3];

export const demoRegisters: DemoRegister[] = [
  {
    action: 'ghana-iii',
    activity: 'Workshop on detecting victims at entry points',
    people: ghanaPeople.map((p, i) => ({ person: p.key, presentOn: threeDays(i) })),
  },
  {
    action: 'ghana-iii',
    activity: 'Training of trainers on the module',
    // The four trainers and six mid-level officials who will train others.
    people: [
      ...ghanaPeople.filter((p) => p.positionLevel === 'trainer'),
      ...ghanaPeople.filter((p) => p.positionLevel === 'mid_level').slice(0, 6),
    ].map((p) => ({ person: p.key })),
  },
  {
    action: 'jordan-i',
    activity: 'Workshop: admission and individual assistance plans',
    people: jordanPeople.map((p, i) => ({ person: p.key, presentOn: threeDays(i + 1) })),
  },
  {
    action: 'jordan-i',
    activity: 'Validation of the SOPs with shelter staff',
    people: jordanPeople.slice(0, 12).map((p) => ({ person: p.key })),
  },
];

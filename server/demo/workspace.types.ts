import type { ActivityStatus, ActivityType } from '../features/activities/activities.table.ts';
import type {
  DeliverableStatus,
  DeliverableVisibility,
} from '../features/deliverables/deliverables.table.ts';
import type { LanguageLevel } from '../features/experts/experts.table.ts';
import type { LocalizedText } from '../kernel/localized.ts';

export interface DemoExpert {
  /** A key local to the demo data. */
  key: string;
  fullName: string;
  gender: 'female' | 'male';
  administration: string;
  countryCode: string;
  nationality: string;
  publicSectorStatus: 'serving' | 'retired' | 'other_public';
  languages: [string, LanguageLevel][];
  topics: string[];
  skills: string[];
  experienceCountries: string[];
  experienceRegions: string[];
  availability?: [string, string][];
  /** The demo account the expert signs in with. */
  accountEmail?: string;
}

/** An expert on an activity: key, role, days, and the feedback once it was held. */
export type DemoDeployment = [
  expert: string,
  role: 'lead_expert' | 'expert' | 'trainer' | 'facilitator',
  days: number,
  feedback?: [score: number, comment: string],
];

export interface DemoActivity {
  type: ActivityType;
  title: LocalizedText;
  startDate: string;
  endDate: string;
  modality: 'in_person' | 'online' | 'hybrid';
  city: string | null;
  countryCode: string | null;
  workingLanguages: string[];
  status: ActivityStatus;
  agenda: string;
  reportSummary?: string;
  experts: DemoDeployment[];
}

export interface DemoDeliverable {
  type: string;
  title: LocalizedText;
  summary: LocalizedText;
  languages: string[];
  status: DeliverableStatus;
  visibility: DeliverableVisibility;
  /** Expert keys. */
  team: string[];
  /** Each version becomes a small PDF: its note, its language, its text, when it was uploaded. */
  versions: { note: string; language: string; at: string; text: string[] }[];
  /** Comments: the author's demo e-mail, the text, when. */
  comments?: [string, string, string][];
  validatedAt?: string;
  publishedAt?: string;
}

export interface DemoWorkspace {
  /** The Action's code. */
  action: string;
  overallObjective: string;
  specificObjectives: string[];
  plannedDeliverables: { type: string; title: string }[];
  plannedActivities: number;
  plannedExpertDays: number;
  designComments?: [string, string, string][];
  activities: DemoActivity[];
  deliverables: DemoDeliverable[];
}

// The value lists of experts (its database enums), free of the database library so that the
// contracts, which the browser imports too, can use them.

export const genders = ['female', 'male', 'other', 'undisclosed'] as const;

export const publicSectorStatuses = ['serving', 'retired', 'other_public', 'non_public'] as const;

export const languageLevels = ['basic', 'working', 'fluent', 'native'] as const;
export type LanguageLevel = (typeof languageLevels)[number];

export const expertSkills = [
  'training_delivery',
  'curriculum_design',
  'legal_drafting',
  'investigation',
  'prosecution',
  'victim_assistance',
  'psychosocial_support',
  'shelter_management',
  'border_management',
  'policy_advice',
  'data_analysis',
  'facilitation',
] as const;

import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ExpertInput,
  expertSkill,
  gender,
  languageLevel,
  publicSectorStatus,
} from '../../../../server/features/experts/experts.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { countryName, languageName } from '../../../lib/format.ts';
import { toOptions, useTaxonomy } from '../../../lib/taxonomy.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useCreateExpert } from '../api/experts.ts';

const spoken = ['en', 'fr', 'es', 'pt', 'ar', 'ru', 'de', 'it'];

/** Adds an expert to the roster: who they are, what they know, where they have worked. */
export function ExpertForm({
  onCreated,
  onCancel,
}: {
  onCreated: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const taxonomy = useTaxonomy();
  const create = useCreateExpert();
  const [fields, setFields] = useState({
    fullName: '',
    administration: '',
    email: '',
    phone: '',
    nominatedBy: '',
    conflictOfInterest: '',
  });
  const [choice, setChoice] = useState<Record<string, string | null>>({
    gender: null,
    countryCode: null,
    publicSectorStatus: 'serving',
  });
  const [languages, setLanguages] = useState<string[]>([]);
  const [level, setLevel] = useState<string>('fluent');
  const [topics, setTopics] = useState<string[]>([]);
  const [skills, setSkills] = useState<string[]>([]);
  const [experience, setExperience] = useState<string[]>([]);
  const countries = toOptions(
    (taxonomy.data?.countries ?? []).map((c) => ({ code: c.code, name: countryName(c.code, language) })),
    language,
  );
  const text = (key: keyof typeof fields, label: string, required = false) => (
    <TextInput
      label={label}
      required={required}
      value={fields[key]}
      onChange={(e) => setFields({ ...fields, [key]: e.currentTarget.value })}
    />
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const optional = (value: string) => value.trim() || null;
    create.mutate(
      {
        fullName: fields.fullName.trim(),
        administration: fields.administration.trim(),
        email: optional(fields.email),
        phone: optional(fields.phone),
        nominatedBy: optional(fields.nominatedBy),
        conflictOfInterest: optional(fields.conflictOfInterest),
        conflictDeclaredOn: fields.conflictOfInterest.trim() ? new Date().toISOString().slice(0, 10) : null,
        gender: (choice.gender ?? '') as ExpertInput['gender'],
        countryCode: choice.countryCode ?? '',
        nationality: choice.countryCode,
        publicSectorStatus: (choice.publicSectorStatus ?? 'serving') as ExpertInput['publicSectorStatus'],
        languages: languages.map((code) => ({
          language: code,
          level: level as ExpertInput['languages'][number]['level'],
        })),
        topics,
        skills: skills as ExpertInput['skills'],
        experienceCountries: experience,
      },
      { onSuccess: (expert) => onCreated(expert.id) },
    );
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        {create.isError && <ErrorAlert error={create.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('fullName', t('experts.form.fullName'), true)}
          <Select
            label={t('experts.form.gender')}
            required
            data={gender.options.map((value) => ({ value, label: t(`experts.gender.${value}`) }))}
            value={choice.gender}
            onChange={(value) => setChoice({ ...choice, gender: value })}
          />
          {text('administration', t('experts.form.administration'), true)}
          <Select
            label={t('experts.form.country')}
            required
            searchable
            data={countries}
            value={choice.countryCode}
            onChange={(value) => setChoice({ ...choice, countryCode: value })}
          />
          {text('email', t('experts.form.email'))}
          {text('phone', t('experts.form.phone'))}
          <Select
            label={t('experts.form.publicSector')}
            data={publicSectorStatus.options.map((value) => ({
              value,
              label: t(`experts.publicSector.${value}`),
            }))}
            value={choice.publicSectorStatus}
            allowDeselect={false}
            onChange={(value) => setChoice({ ...choice, publicSectorStatus: value })}
          />
          {text('nominatedBy', t('experts.form.nominatedBy'))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('experts.form.languages')}
            required
            data={spoken.map((code) => ({ value: code, label: languageName(code, language) }))}
            value={languages}
            onChange={setLanguages}
          />
          <Select
            label={t('experts.form.level')}
            data={languageLevel.options.map((value) => ({ value, label: t(`experts.level.${value}`) }))}
            value={level}
            allowDeselect={false}
            onChange={(value) => setLevel(value ?? level)}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('experts.form.topics')}
          data={toOptions(taxonomy.data?.topics, language)}
          value={topics}
          onChange={setTopics}
          searchable
        />
        <MultiSelect
          label={t('experts.form.skills')}
          data={expertSkill.options.map((value) => ({ value, label: t(`experts.skill.${value}`) }))}
          value={skills}
          onChange={setSkills}
        />
        <MultiSelect
          label={t('experts.form.experience')}
          data={countries}
          value={experience}
          onChange={setExperience}
          searchable
        />
        <Textarea
          label={t('experts.form.conflictOfInterest')}
          autosize
          minRows={2}
          value={fields.conflictOfInterest}
          onChange={(e) => setFields({ ...fields, conflictOfInterest: e.currentTarget.value })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('experts.common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('experts.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ActivityDetail,
  type ActivityInput,
  activityModality,
  activityType,
} from '../../../../server/features/activities/activities.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { SaveConflict } from '../../../components/save-conflict.tsx';
import { countryName, formatDate, languageName } from '../../../lib/format.ts';
import { toOptions, useTaxonomy } from '../../../lib/taxonomy.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { languageOptions } from './working-languages.ts';

type Props = {
  /** The activity being changed, or none for a new one. */
  activity?: ActivityDetail;
  pending: boolean;
  error: unknown;
  /** What the last save sent, for the merge after a conflict. */
  sent?: ActivityInput | undefined;
  /** Saves the form's values; after a conflict, on the version the merge was made with. */
  onSubmit: (input: ActivityInput, version?: number) => void;
  onCancel: () => void;
  onReload?: () => void;
};

/** An activity as the form sends it; also how a merge reads the activity it meets. */
function activityBody(a: ActivityDetail): ActivityInput {
  return {
    type: a.type,
    title: a.title,
    startDate: a.startDate,
    endDate: a.endDate,
    modality: a.modality,
    city: a.city,
    countryCode: a.countryCode,
    workingLanguages: a.workingLanguages,
    agenda: a.agenda,
  };
}

type Problems = Partial<
  Record<'title' | 'startDate' | 'endDate' | 'countryCode' | 'workingLanguages', string>
>;

/** Plans an activity, or changes one that is still open. */
export function ActivityForm({ activity, pending, error, sent, onSubmit, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const taxonomy = useTaxonomy();
  const [type, setType] = useState<string>(activity?.type ?? 'training');
  const [title, setTitle] = useState(activity?.title ?? '');
  const [startDate, setStartDate] = useState(activity?.startDate ?? '');
  const [endDate, setEndDate] = useState(activity?.endDate ?? '');
  const [modality, setModality] = useState<string>(activity?.modality ?? 'in_person');
  const [city, setCity] = useState(activity?.city ?? '');
  const [country, setCountry] = useState<string | null>(activity?.countryCode ?? null);
  const [languages, setLanguages] = useState<string[]>(activity?.workingLanguages ?? []);
  const [agenda, setAgenda] = useState(activity?.agenda ?? '');
  const [problems, setProblems] = useState<Problems>({});
  const online = modality === 'online';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Problems = {};
    if (!title.trim()) found.title = t('activities.form.required');
    if (!startDate) found.startDate = t('activities.form.required');
    if (!endDate) found.endDate = t('activities.form.required');
    else if (startDate && endDate < startDate) found.endDate = t('activities.form.endBeforeStart');
    if (!online && !country) found.countryCode = t('activities.form.countryRequired');
    if (languages.length === 0) found.workingLanguages = t('activities.form.languageRequired');
    setProblems(found);
    if (Object.keys(found).length) return;
    onSubmit({
      type: type as ActivityInput['type'],
      title: title.trim(),
      startDate,
      endDate,
      modality: modality as ActivityInput['modality'],
      city: online ? null : city.trim() || null,
      countryCode: online ? null : country,
      workingLanguages: languages,
      agenda: agenda.trim(),
    });
  };

  // Each field's label, shown on the field and, after a conflicting save, beside its two values.
  const labels = {
    type: t('activities.form.type'),
    title: t('activities.form.title'),
    startDate: t('activities.form.startDate'),
    endDate: t('activities.form.endDate'),
    modality: t('activities.form.modality'),
    city: t('activities.form.city'),
    countryCode: t('activities.form.country'),
    workingLanguages: t('activities.form.workingLanguages'),
    agenda: t('activities.form.agenda'),
  };
  const countries = (taxonomy.data?.countries ?? []).map((c) => ({
    code: c.code,
    name: countryName(c.code, language),
  }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {activity ? (
          <SaveConflict
            error={error}
            base={activityBody(activity)}
            sent={sent}
            toValues={activityBody}
            labels={labels}
            show={{
              type: (value) => t(`activities.type.${value}`),
              modality: (value) => t(`activities.modality.${value}`),
              countryCode: (code) => (code ? countryName(code, language) : ''),
              workingLanguages: (codes) => codes.map((code) => languageName(code, language)).join(', '),
              startDate: (date) => formatDate(date, language) ?? date,
              endDate: (date) => formatDate(date, language) ?? date,
            }}
            busy={pending}
            onSave={onSubmit}
            onReload={onReload ?? onCancel}
          />
        ) : (
          Boolean(error) && <ErrorAlert error={error} />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={labels.type}
            data={activityType.options.map((value) => ({ value, label: t(`activities.type.${value}`) }))}
            value={type}
            allowDeselect={false}
            onChange={(value) => setType(value ?? type)}
          />
          <Select
            label={labels.modality}
            data={activityModality.options.map((value) => ({
              value,
              label: t(`activities.modality.${value}`),
            }))}
            value={modality}
            allowDeselect={false}
            onChange={(value) => setModality(value ?? modality)}
          />
        </SimpleGrid>
        <TextInput
          label={labels.title}
          required
          value={title}
          error={problems.title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={labels.startDate}
            required
            value={startDate}
            error={problems.startDate}
            onChange={(e) => setStartDate(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={labels.endDate}
            required
            value={endDate}
            error={problems.endDate}
            onChange={(e) => setEndDate(e.currentTarget.value)}
          />
        </SimpleGrid>
        {!online && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={labels.city} value={city} onChange={(e) => setCity(e.currentTarget.value)} />
            <Select
              label={labels.countryCode}
              required
              searchable
              data={toOptions(countries, language)}
              value={country}
              error={problems.countryCode}
              onChange={setCountry}
              nothingFoundMessage={t('filters.nothingFound')}
            />
          </SimpleGrid>
        )}
        <MultiSelect
          label={labels.workingLanguages}
          required
          searchable
          data={languageOptions(language, languages)}
          value={languages}
          error={problems.workingLanguages}
          onChange={setLanguages}
        />
        <Textarea
          label={labels.agenda}
          autosize
          minRows={3}
          value={agenda}
          onChange={(e) => setAgenda(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('activities.common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {activity ? t('activities.common.save') : t('activities.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

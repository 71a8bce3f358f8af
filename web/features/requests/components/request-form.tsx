import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CreateRequestBody,
  RequestDetail,
} from '../../../../server/features/requests/requests.contract.ts';
import { countryName } from '../../../lib/format.ts';
import { toOptions, useTaxonomy } from '../../../lib/taxonomy.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useFormOptions } from '../api/requests.ts';
import { commonLanguages, requestChannels } from '../lib/request-statuses.ts';

export type RequestFormValues = Required<
  Omit<CreateRequestBody, 'requestingInstitutionId' | 'channel' | 'language' | 'thematicAreaCode'>
> & {
  requestingInstitutionId: string | null;
  channel: string | null;
  thematicAreaCode: string | null;
};

export function initialValues(request?: RequestDetail): RequestFormValues {
  return {
    title: request?.title ?? '',
    requestingInstitutionId: request?.requestingInstitution?.id ?? null,
    channel: request?.channel ?? null,
    jointInstitutionIds: request?.jointInstitutions.map((i) => i.id) ?? [],
    countries: request?.countries ?? [],
    thematicAreaCode: request?.thematicAreaCode ?? null,
    topics: request?.topics ?? [],
    problem: request?.problem ?? '',
    expectedChange: request?.expectedChange ?? '',
    targetGroups: request?.targetGroups ?? [{ description: '', estimatedNumber: null }],
    preferredTiming: request?.preferredTiming ?? '',
    workingLanguages: request?.workingLanguages ?? [],
    earlierAssistance: request?.earlierAssistance ?? '',
  };
}

type Props = {
  initial: RequestFormValues;
  /** Officers enter requests for an institution and say how it came. */
  staff: boolean;
  /** Fields the API refused, by name. */
  problems: Record<string, string>;
  busy: boolean;
  submitLabel: string;
  onSave: (values: RequestFormValues) => void;
  onCancel: () => void;
};

/** Each field's label: on the form's fields, and beside a field's two values after a conflicting save. */
export function requestFieldLabels(t: TFunction) {
  return {
    title: t('requests.form.requestTitle'),
    requestingInstitutionId: t('requests.form.requesting'),
    channel: t('requests.channel.label'),
    jointInstitutionIds: t('requests.form.joint'),
    countries: t('requests.form.countries'),
    thematicAreaCode: t('requests.form.thematicArea'),
    topics: t('requests.form.topics'),
    problem: t('requests.form.problem'),
    expectedChange: t('requests.form.expectedChange'),
    targetGroups: t('requests.form.targetGroups'),
    preferredTiming: t('requests.form.preferredTiming'),
    workingLanguages: t('requests.form.workingLanguages'),
    earlierAssistance: t('requests.form.earlierAssistance'),
  };
}

export function RequestForm({ initial, staff, problems, busy, submitLabel, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const labels = requestFieldLabels(t);
  const language = useLanguage();
  const taxonomy = useTaxonomy();
  const options = useFormOptions();
  const [values, setValues] = useState(initial);
  const [missingTitle, setMissingTitle] = useState(false);
  const set = <K extends keyof RequestFormValues>(key: K, value: RequestFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const institutions = (options.data?.institutions ?? []).map((i) => ({
    value: i.id,
    label: i.acronym ? `${i.name} (${i.acronym})` : i.name,
  }));
  const countries = (taxonomy.data?.countries ?? []).map((c) => ({
    code: c.code,
    name: countryName(c.code, language),
  }));
  const topics = (taxonomy.data?.topics ?? []).filter(
    (topic) =>
      !values.thematicAreaCode ||
      topic.thematicAreaCode === values.thematicAreaCode ||
      values.topics.includes(topic.code),
  );
  const languageNames = new Intl.DisplayNames([language], { type: 'language' });
  const languageOptions = [...new Set([...commonLanguages, ...values.workingLanguages])].map((code) => ({
    value: code,
    label: languageNames.of(code) ?? code,
  }));
  const error = (field: string) => problems[field];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!values.title.trim()) {
      setMissingTitle(true);
      return;
    }
    onSave(values);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={760}>
        <TextInput
          label={labels.title}
          name="title"
          required
          value={values.title}
          onChange={(event) => {
            set('title', event.currentTarget.value);
            setMissingTitle(false);
          }}
          error={missingTitle ? t('requests.form.required') : error('title')}
        />
        {staff && (
          <Group grow align="flex-start">
            <Select
              label={labels.requestingInstitutionId}
              searchable
              required
              data={institutions}
              value={values.requestingInstitutionId}
              onChange={(value) => set('requestingInstitutionId', value)}
              error={error('requestingInstitutionId')}
            />
            <Select
              label={labels.channel}
              required
              data={requestChannels.map((value) => ({ value, label: t(`requests.channel.${value}`) }))}
              value={values.channel}
              onChange={(value) => set('channel', value)}
              error={error('channel')}
            />
          </Group>
        )}
        <MultiSelect
          label={labels.jointInstitutionIds}
          description={t('requests.form.jointHelp')}
          searchable
          data={institutions.filter((i) => i.value !== values.requestingInstitutionId)}
          value={values.jointInstitutionIds}
          onChange={(value) => set('jointInstitutionIds', value)}
          error={error('jointInstitutionIds')}
        />
        <MultiSelect
          label={labels.countries}
          searchable
          data={toOptions(countries, language)}
          value={values.countries}
          onChange={(value) => set('countries', value)}
          error={error('countries')}
        />
        <Group grow align="flex-start">
          <Select
            label={labels.thematicAreaCode}
            clearable
            clearButtonProps={{ 'aria-label': t('filters.clear') }}
            data={toOptions(taxonomy.data?.thematicAreas, language)}
            value={values.thematicAreaCode}
            onChange={(value) => set('thematicAreaCode', value)}
          />
          <MultiSelect
            label={labels.topics}
            searchable
            data={toOptions(topics, language)}
            value={values.topics}
            onChange={(value) => set('topics', value)}
            error={error('topics')}
          />
        </Group>
        <Textarea
          label={labels.problem}
          description={t('requests.form.problemHelp')}
          autosize
          minRows={3}
          value={values.problem}
          onChange={(event) => set('problem', event.currentTarget.value)}
          error={error('problem')}
        />
        <Textarea
          label={labels.expectedChange}
          autosize
          minRows={3}
          value={values.expectedChange}
          onChange={(event) => set('expectedChange', event.currentTarget.value)}
          error={error('expectedChange')}
        />
        <fieldset className="plain-fieldset">
          <Text component="legend" fw={500} size="sm">
            {labels.targetGroups}
          </Text>
          <Stack gap="xs">
            {values.targetGroups.map((group, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
              <Group key={index} align="flex-end" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={`${t('requests.form.targetGroup')} ${index + 1}`}
                  value={group.description}
                  onChange={(event) => {
                    const description = event.currentTarget.value;
                    set(
                      'targetGroups',
                      values.targetGroups.map((g, i) => (i === index ? { ...g, description } : g)),
                    );
                  }}
                />
                <NumberInput
                  w={180}
                  label={t('requests.form.estimatedNumber')}
                  min={0}
                  allowDecimal={false}
                  value={group.estimatedNumber ?? ''}
                  onChange={(value) =>
                    set(
                      'targetGroups',
                      values.targetGroups.map((g, i) =>
                        i === index ? { ...g, estimatedNumber: typeof value === 'number' ? value : null } : g,
                      ),
                    )
                  }
                />
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label={t('requests.form.removeTargetGroup', { index: index + 1 })}
                  onClick={() =>
                    set(
                      'targetGroups',
                      values.targetGroups.filter((_, i) => i !== index),
                    )
                  }
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="default"
              w="fit-content"
              onClick={() =>
                set('targetGroups', [...values.targetGroups, { description: '', estimatedNumber: null }])
              }
            >
              {t('requests.form.addTargetGroup')}
            </Button>
            {error('targetGroups') && (
              <Text c="red.9" size="sm">
                {error('targetGroups')}
              </Text>
            )}
          </Stack>
        </fieldset>
        <TextInput
          label={labels.preferredTiming}
          value={values.preferredTiming}
          onChange={(event) => set('preferredTiming', event.currentTarget.value)}
        />
        <MultiSelect
          label={labels.workingLanguages}
          searchable
          data={languageOptions}
          value={values.workingLanguages}
          onChange={(value) => set('workingLanguages', value)}
        />
        <Textarea
          label={labels.earlierAssistance}
          autosize
          minRows={2}
          value={values.earlierAssistance}
          onChange={(event) => set('earlierAssistance', event.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('requests.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The body the API takes: empty target-group rows are left out. */
export function toBody(values: RequestFormValues, staff: boolean) {
  const { requestingInstitutionId, channel, thematicAreaCode, ...rest } = values;
  return {
    ...rest,
    thematicAreaCode,
    targetGroups: values.targetGroups.filter((g) => g.description.trim()),
    ...(staff && requestingInstitutionId ? { requestingInstitutionId } : {}),
    ...(staff && channel ? { channel: channel as CreateRequestBody['channel'] } : {}),
  };
}

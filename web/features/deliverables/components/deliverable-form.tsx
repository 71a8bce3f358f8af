import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type DeliverableInput,
  deliverableType,
  deliverableVisibility,
} from '../../../../server/features/deliverables/deliverables.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { languageName } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useRosterNames } from '../api/deliverables.ts';

const languages = ['en', 'fr', 'es', 'pt', 'ar', 'ru', 'th', 'tet'];

/** A new deliverable of an Action: what it is, in which languages, who sees it, who writes it. */
export function DeliverableForm({
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  pending: boolean;
  error: unknown;
  onSubmit: (input: DeliverableInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const uiLanguage = useLanguage();
  const roster = useRosterNames(true);
  const [type, setType] = useState<string>('training_module');
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [written, setWritten] = useState<string[]>([uiLanguage]);
  const [visibility, setVisibility] = useState<string>('partner');
  const [team, setTeam] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!title.trim() || written.length === 0);
    if (!title.trim() || written.length === 0) return;
    onSubmit({
      type: type as DeliverableInput['type'],
      title: title.trim(),
      summary: summary.trim(),
      languages: written,
      visibility: visibility as DeliverableInput['visibility'],
      expertIds: team,
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {Boolean(error) && <ErrorAlert error={error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('deliverables.form.type')}
            data={deliverableType.options.map((value) => ({ value, label: t(`deliverables.type.${value}`) }))}
            value={type}
            allowDeselect={false}
            onChange={(value) => setType(value ?? type)}
          />
          <Select
            label={t('deliverables.form.visibility')}
            data={deliverableVisibility.options.map((value) => ({
              value,
              label: t(`deliverables.visibility.${value}`),
            }))}
            value={visibility}
            allowDeselect={false}
            onChange={(value) => setVisibility(value ?? visibility)}
          />
        </SimpleGrid>
        <TextInput
          label={t('deliverables.form.title')}
          required
          value={title}
          error={missing && !title.trim() ? t('deliverables.form.required') : undefined}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Textarea
          label={t('deliverables.form.summary')}
          autosize
          minRows={2}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
        />
        <MultiSelect
          label={t('deliverables.form.languages')}
          required
          data={languages.map((code) => ({ value: code, label: languageName(code, uiLanguage) }))}
          value={written}
          error={missing && written.length === 0 ? t('deliverables.form.required') : undefined}
          onChange={setWritten}
        />
        <MultiSelect
          label={t('deliverables.form.team')}
          searchable
          data={(roster.data?.items ?? []).map((e) => ({ value: e.id, label: e.fullName }))}
          value={team}
          onChange={setTeam}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('deliverables.common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('deliverables.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

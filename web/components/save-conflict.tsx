import { Alert, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client.ts';
import { type Choice, conflictingFields, mergedValues, type Values } from '../lib/merge.ts';
import { ErrorAlert } from './error-alert.tsx';

type Props<V extends Values> = {
  /** The save's error: a 412 opens the merge; anything else is shown as an error. */
  error: unknown;
  /** What the form was opened on, as the body it sends. */
  base: V;
  /** What the person tried to save (the mutation's variables), as the same body. */
  sent: V | undefined;
  /** The record as the 412 carries it, as the same body. */
  toValues: (record: never) => V;
  /** Each field's label, as the form shows it. */
  labels: { [K in keyof V]: string };
  /** How a field's value reads, where the raw value does not (an option's label, a name for an id). */
  show?: { [K in keyof V]?: (value: V[K]) => string };
  busy?: boolean;
  /** Saves the merged values on the version the 412 named. */
  onSave: (values: V, version: number) => void;
  /** Drops the person's change and shows the record as it is now. */
  onReload: () => void;
};

/**
 * Why a save failed. When someone else saved first (412), shows, field by field, where the
 * person's change and the record as it is now differ, lets them keep theirs or take the other,
 * and saves the result on the current version; fields they did not touch take the current value.
 * Render it always (not only on error): it remembers what a merge was based on across saves.
 */
export function SaveConflict<V extends Values>({
  error,
  base,
  sent,
  toValues,
  labels,
  show,
  busy,
  onSave,
  onReload,
}: Props<V>) {
  const { t } = useTranslation();
  const headingId = useId();
  // After a merge is sent, the record it was merged with is what the person's values answer to.
  const [rebased, setRebased] = useState<V | null>(null);
  const [answers, setAnswers] = useState<{ version: number; choices: Record<string, Choice> }>({
    version: -1,
    choices: {},
  });
  if (!error) return null;
  if (!isApiError(error, 412)) return <ErrorAlert error={error} />;

  const current = error.current;
  if (!current || !sent) {
    // The current record could not be read back: the way out is to reload it.
    return (
      <Alert color="orange" variant="light" title={t('conflict.title')} role="alert">
        <Text size="sm">{t('conflict.reloadOnly')}</Text>
        <Button mt="sm" size="xs" variant="default" onClick={onReload}>
          {t('conflict.reload')}
        </Button>
      </Alert>
    );
  }

  const from = rebased ?? base;
  const theirs = toValues(current.record as never);
  const fields = conflictingFields(from, sent, theirs);
  const choices = answers.version === current.version ? answers.choices : {};
  const choose = (field: string, choice: Choice) =>
    setAnswers({ version: current.version, choices: { ...choices, [field]: choice } });
  const read = (field: string, value: unknown) => {
    const custom = show?.[field as keyof V] as ((v: unknown) => string) | undefined;
    const text = custom ? custom(value) : plain(value);
    return text.trim() ? text : t('conflict.empty');
  };

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={headingId}
      bg="var(--mantine-color-orange-light)"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('conflict.title')}
        </Title>
        <Text size="sm" role="alert">
          {fields.length > 0 ? t('conflict.text', { count: fields.length }) : t('conflict.noQuestion')}
        </Text>
        {fields.map((field) => (
          <Radio.Group
            key={field}
            label={labels[field as keyof V]}
            value={choices[field] ?? 'mine'}
            onChange={(value) => choose(field, value as Choice)}
          >
            <Stack gap="xs" mt={4}>
              <Radio
                value="mine"
                label={t('conflict.keepMine')}
                description={<span className="prose">{read(field, sent[field])}</span>}
              />
              <Radio
                value="theirs"
                label={t('conflict.takeTheirs')}
                description={<span className="prose">{read(field, theirs[field])}</span>}
              />
            </Stack>
          </Radio.Group>
        ))}
        <Group>
          <Button
            size="xs"
            loading={busy}
            onClick={() => {
              setRebased(theirs);
              onSave(mergedValues(from, sent, theirs, choices) as V, current.version);
            }}
          >
            {t('conflict.saveMerged')}
          </Button>
          <Button size="xs" variant="default" onClick={onReload}>
            {t('conflict.discardMine')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A value as a person reads it: lists one item a line, rows of a list as their values. */
function plain(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(plain).join('\n');
  if (typeof value === 'object') return Object.values(value).map(plain).filter(Boolean).join(' – ');
  return String(value);
}

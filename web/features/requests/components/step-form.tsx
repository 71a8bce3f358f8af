import { Button, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { type Step, useTransition } from '../api/requests.ts';

type Props = {
  requestId: string;
  step: Step;
  label: string;
  /** A text that goes with the step (a question, a reason), sent as `field`. */
  field?: { name: string; label: string; required: boolean };
  color?: string;
  variant?: 'filled' | 'default' | 'outline';
};

/** One step of the lifecycle as a small form: an optional text and the button that takes the step. */
export function StepForm({ requestId, step, label, field, color, variant = 'filled' }: Props) {
  const { t } = useTranslation();
  const transition = useTransition(requestId);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();
  function submit(event: FormEvent) {
    event.preventDefault();
    if (field?.required && !text.trim()) {
      setMissing(true);
      return;
    }
    transition.mutate(
      { step, body: field && text.trim() ? { [field.name]: text.trim() } : {} },
      { onSuccess: () => setText('') },
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-button`}>
      <Stack gap="xs">
        {field && (
          <Textarea
            label={field.label}
            required={field.required}
            autosize
            minRows={2}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('requests.form.required') : undefined}
          />
        )}
        {transition.isError && <ErrorAlert error={transition.error} />}
        <Button
          id={`${id}-button`}
          type="submit"
          color={color}
          variant={variant}
          loading={transition.isPending}
          w="fit-content"
        >
          {label}
        </Button>
      </Stack>
    </form>
  );
}

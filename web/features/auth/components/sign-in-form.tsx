import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LoginResponse } from '../../../../server/features/auth/auth.contract.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { useSignIn } from '../api/session.ts';

function errorMessage(error: unknown, t: (key: string) => string) {
  if (!isApiError(error) || error.status === 0) return t('errors.network');
  if (error.status >= 500) return t('errors.server');
  return error.message; // the API says why: wrong credentials, too many attempts...
}

export function SignInForm({ onSignedIn }: { onSignedIn: (session: LoginResponse) => void }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  const [missing, setMissing] = useState({ email: false, password: false });
  // Shown once the server says the account signs in with a second factor.
  const askOtp =
    otp !== '' || (isApiError(signIn.error) && ['TOTP_REQUIRED', 'TOTP_INVALID'].includes(signIn.error.code));

  // Our own messages rather than the browser's bubbles, which speak the browser's language.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const nowMissing = { email: email.trim() === '', password: password === '' };
    setMissing(nowMissing);
    if (nowMissing.email || nowMissing.password) return;
    signIn.mutate(
      { email: email.trim(), password, ...(otp.trim() ? { otp: otp.trim() } : {}) },
      { onSuccess: onSignedIn },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {signIn.isError && (
          <Alert color="red" variant="light" title={t('signIn.failed')} role="alert">
            {errorMessage(signIn.error, t)}
          </Alert>
        )}
        <TextInput
          label={t('signIn.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          error={missing.email ? t('signIn.emailRequired') : undefined}
          onChange={(event) => setEmail(event.currentTarget.value)}
        />
        <PasswordInput
          label={t('signIn.password')}
          name="password"
          autoComplete="current-password"
          required
          value={password}
          error={missing.password ? t('signIn.passwordRequired') : undefined}
          onChange={(event) => setPassword(event.currentTarget.value)}
          visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
        />
        {askOtp && (
          <TextInput
            label={t('account.signIn.otp')}
            description={t('account.signIn.otpHint')}
            name="otp"
            autoComplete="one-time-code"
            value={otp}
            onChange={(event) => setOtp(event.currentTarget.value)}
          />
        )}
        <Button type="submit" loading={signIn.isPending}>
          {t('signIn.submit')}
        </Button>
        <Anchor component={Link} to="/forgot-password" size="sm">
          {t('account.signIn.forgot')}
        </Anchor>
      </Stack>
    </form>
  );
}

import { useForm } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { problemMessage } from '../components/problems';
import { type ApplicationView, type Section, useSaveSection } from './api';

/** How long after the last change a step saves by itself. */
export const AUTOSAVE_MS = 3000;

/** Registered by the step on screen: the form saves it before moving to another step. */
export type SaveStep = () => Promise<boolean>;

export interface StepProps {
  app: ApplicationView;
  /** Called on every render with the step's save, so the stepper always saves the latest values. */
  onRegister: (save: SaveStep) => void;
}

/** '' (an emptied input) becomes null, which clears the field on the server. */
export const orNull = <T>(value: T | ''): T | null => (value === '' ? null : value);
export const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * One section's form: saved with its own PATCH only when something changed, the API's field errors
 * shown next to their inputs (paths like `referees.1.email` included), other errors returned as text.
 */
export function useSectionForm<V extends Record<string, unknown>>(
  section: Section,
  props: StepProps,
  initialValues: V,
  toBody: (values: V) => Record<string, unknown>,
) {
  const { t } = useTranslation();
  const save = useSaveSection(props.app.id);
  const form = useForm<V>({ mode: 'controlled', initialValues });
  const [error, setError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);

  const send = async (): Promise<boolean> => {
    setError(null);
    const values = form.getValues();
    try {
      await save.mutateAsync({ section, body: toBody(values) });
      form.resetDirty(values);
      setSavedAt(new Date());
      return true;
    } catch (cause) {
      const fieldErrors = cause instanceof ApiError ? (cause.problem.errors ?? []) : [];
      for (const fieldError of fieldErrors) form.setFieldError(fieldError.field, fieldError.message);
      setError(fieldErrors.length ? t('form.fixErrors') : problemMessage(cause, t));
      return false;
    }
  };

  /** Saves what changed; waits for a save already under way (an autosave) instead of racing it. */
  const run: SaveStep = async () => {
    if (inFlight.current) await inFlight.current;
    if (!form.isDirty()) return true;
    const pending = send();
    inFlight.current = pending;
    try {
      return await pending;
    } finally {
      inFlight.current = null;
    }
  };

  // Autosave a few seconds after the last keystroke, so an evening's work survives a closed tab.
  const snapshot = JSON.stringify(form.values);
  useEffect(() => {
    if (!form.isDirty()) return undefined;
    const timer = window.setTimeout(() => void run(), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [snapshot]);

  useEffect(() => props.onRegister(run));
  return { form, error, saving: save.isPending, savedAt, save: run };
}

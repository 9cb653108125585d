import { useForm } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { fieldErrorMessage, problemMessage } from '../components/problems';
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
 * What was typed but not yet saved, kept on this device until the server has it: a refused save, a
 * lost connection or a closed tab never loses text (restored over the server's values on the next visit).
 */
const localKey = (appId: string, section: Section) => `vgbf.unsaved.${appId}.${section}`;

function readUnsaved<V>(key: string): V | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as V) : null;
  } catch {
    return null;
  }
}

function writeUnsaved(key: string, values: unknown): void {
  try {
    if (values === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(values));
  } catch {
    // Storage full or disabled: the form still holds the text for this visit.
  }
}

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
  const key = localKey(props.app.id, section);
  const [unsaved] = useState(() => readUnsaved<V>(key));
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: unsaved ? { ...initialValues, ...unsaved } : initialValues,
  });
  // Restored text counts as a change against what the server holds, so it is saved again.
  useEffect(() => {
    if (unsaved) form.resetDirty(initialValues);
    // Once, on mount: the restored text is compared with the server's values as they were then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const [error, setError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);

  const send = async (): Promise<boolean> => {
    setError(null);
    const values = form.getValues();
    try {
      await save.mutateAsync({ section, body: toBody(values) });
      form.resetDirty(values);
      if (JSON.stringify(form.getValues()) === JSON.stringify(values)) writeUnsaved(key, null);
      setSavedAt(new Date());
      return true;
    } catch (cause) {
      const fieldErrors = cause instanceof ApiError ? (cause.problem.errors ?? []) : [];
      for (const fieldError of fieldErrors) form.setFieldError(fieldError.field, fieldErrorMessage(fieldError));
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
    writeUnsaved(key, form.values);
    const timer = window.setTimeout(() => void run(), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
    // The timer restarts when the values change (snapshot), not when `run`, `form` or `key` get new identities.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshot]);

  useEffect(() => props.onRegister(run));
  return { form, error, saving: save.isPending, savedAt, save: run };
}

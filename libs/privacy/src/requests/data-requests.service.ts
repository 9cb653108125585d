import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@vgbf/audit';
import { AppConfig } from '@vgbf/config';
import { type AuthenticatedUser, Clock, DomainError, NotFoundError, programDay } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import type { TemplateName } from '@vgbf/mail';
import { OutboxService } from '@vgbf/outbox';
import type { EntityManager } from 'typeorm';
import {
  type DataRequestRow,
  dataRequestById,
  dataRequestQueue,
  dataRequestsOf,
  insertDataRequest,
  personExists,
  updateDataRequest,
} from './data-access/data-requests';
import {
  AlreadyExtendedError,
  ExportNotReadyError,
  OpenRequestExistsError,
  RequestTransitionError,
} from './data-requests.errors';
import { PersonalDataExporter } from './personal-data-export';
import type {
  CompleteRequestDto,
  DataRequestView,
  ExtendRequestDto,
  MyDataRequestDto,
  QueueQuery,
  RefuseRequestDto,
  StaffDataRequestDto,
} from './dto/data-request.dto';
import type { RequestChannel, RequestState } from './entities/data-request.entity';
import { RequestDeadlines, type RequestKind } from './request-deadlines';
import { OPEN_STATES, type RequestAction, allowedActions, nextState } from './request-states';
import { KIND_WORDS } from './request-words';

const isStaff = (actor: AuthenticatedUser): boolean => actor.roles.includes('staff') || actor.roles.includes('admin');

/**
 * People's requests about their personal data, from their account page or filed by staff on their
 * behalf: received → acknowledged → in progress → completed / refused, one extension with a reason.
 * Every change is one transaction with its audit row and the email to the person (outbox).
 */
@Injectable()
export class DataRequestsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly deadlines: RequestDeadlines,
    private readonly exporter: PersonalDataExporter,
  ) {}

  /** The access export of a completed access request: its person's, downloaded by them or by staff for them. */
  async export(actor: AuthenticatedUser, id: string): Promise<{ stream: Readable; filename: string }> {
    const row = await this.visible(actor, id);
    if (row.kind !== 'access' || row.state !== 'completed') throw new ExportNotReadyError();
    await this.transactions.run(
      (manager) =>
        this.audit.record(manager, actor, {
          action: 'data_request.export_downloaded',
          entityType: 'data_request',
          entityId: id,
          after: { subjectUserId: row.subject_user_id },
        }),
      { label: 'data-request.export' },
    );
    const stream = await this.exporter.open(row.subject_user_id);
    return { stream, filename: `vgbf-my-data-${programDay(this.clock.now())}.zip` };
  }

  fileMine(actor: AuthenticatedUser, dto: MyDataRequestDto): Promise<DataRequestView> {
    return this.file(actor, { ...dto, subjectUserId: actor.id, channel: 'account', processorMustAct: false });
  }

  fileForSomeone(actor: AuthenticatedUser, dto: StaffDataRequestDto): Promise<DataRequestView> {
    return this.file(actor, { ...dto, processorMustAct: dto.processorMustAct ?? false });
  }

  async mine(actor: AuthenticatedUser): Promise<DataRequestView[]> {
    const today = programDay(this.clock.now());
    return (await dataRequestsOf(this.transactions.current(), actor.id)).map((r) => this.view(r, today));
  }

  async queue(query: QueueQuery): Promise<DataRequestView[]> {
    const today = programDay(this.clock.now());
    const states = !query.state || query.state === 'open' ? OPEN_STATES : [query.state];
    const rows = await dataRequestQueue(this.transactions.current(), { states, kind: query.kind });
    return rows.map((r) => this.view(r, today));
  }

  /** One request: staff see any, a person only their own (others are not found, not forbidden: no probing). */
  async get(actor: AuthenticatedUser, id: string): Promise<DataRequestView> {
    return this.view(await this.visible(actor, id), programDay(this.clock.now()));
  }

  /** The request if the actor may see it: its person, or staff. */
  async visible(actor: AuthenticatedUser, id: string): Promise<DataRequestRow> {
    const row = await dataRequestById(this.transactions.current(), id);
    if (!row || (row.subject_user_id !== actor.id && !isStaff(actor))) throw new NotFoundError('Data request', id);
    return row;
  }

  acknowledge(actor: AuthenticatedUser, id: string): Promise<DataRequestView> {
    return this.act(actor, id, 'acknowledge', async (manager, row, now) => {
      await updateDataRequest(manager, id, { state: 'acknowledged', acknowledged_at: now, acknowledged_by: actor.id });
      await this.email(manager, row, 'data-request-acknowledged', {});
      return {};
    });
  }

  start(actor: AuthenticatedUser, id: string): Promise<DataRequestView> {
    return this.act(actor, id, 'start', async (manager) => {
      await updateDataRequest(manager, id, { state: 'in_progress' });
      return {};
    });
  }

  extend(actor: AuthenticatedUser, id: string, dto: ExtendRequestDto): Promise<DataRequestView> {
    return this.act(actor, id, 'extend', async (manager, row, now) => {
      if (row.extension_days !== null) throw new AlreadyExtendedError();
      if (dto.days > this.deadlines.rules.maxExtensionWorkingDays)
        throw new DomainError('validation_failed', 'invalid', 'The extension is too long.', {
          errors: [
            { field: 'days', message: `days must not be greater than ${this.deadlines.rules.maxExtensionWorkingDays}` },
          ],
        });
      const dueOn = this.deadlines.extendedBy(row.due_on, dto.days);
      await updateDataRequest(manager, id, {
        due_on: dueOn,
        extension_days: dto.days,
        extension_reason: dto.reason,
        extended_at: now,
        extended_by: actor.id,
      });
      await this.email(manager, { ...row, due_on: dueOn }, 'data-request-extended', { reason: dto.reason });
      return { dueOn, days: dto.days, reason: dto.reason };
    });
  }

  complete(actor: AuthenticatedUser, id: string, dto: CompleteRequestDto): Promise<DataRequestView> {
    return this.act(actor, id, 'complete', async (manager, row, now) => {
      await updateDataRequest(manager, id, {
        state: 'completed',
        closed_at: now,
        closed_by: actor.id,
        answer: dto.answer,
      });
      await this.email(manager, row, 'data-request-completed', { answer: dto.answer });
      return {};
    });
  }

  refuse(actor: AuthenticatedUser, id: string, dto: RefuseRequestDto): Promise<DataRequestView> {
    return this.act(actor, id, 'refuse', async (manager, row, now) => {
      await updateDataRequest(manager, id, {
        state: 'refused',
        closed_at: now,
        closed_by: actor.id,
        answer: dto.reason,
      });
      await this.email(manager, row, 'data-request-refused', { reason: dto.reason });
      return { reason: dto.reason };
    });
  }

  private async file(
    actor: AuthenticatedUser,
    input: {
      subjectUserId: string;
      kind: RequestKind;
      details: string;
      channel: RequestChannel;
      processorMustAct: boolean;
    },
  ): Promise<DataRequestView> {
    const id = await this.transactions.run(
      async (manager) => {
        // One open request per person and kind: a second click or a duplicate letter is not a second clock.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext('data_request:' || $1))`, [input.subjectUserId]);
        if (input.subjectUserId !== actor.id && !(await personExists(manager, input.subjectUserId)))
          throw new NotFoundError('User', input.subjectUserId);
        const open = await dataRequestsOf(manager, input.subjectUserId);
        if (open.some((r) => r.kind === input.kind && OPEN_STATES.includes(r.state as RequestState)))
          throw new OpenRequestExistsError(input.kind);
        const now = this.clock.now();
        const receivedOn = programDay(now);
        const requestId = await insertDataRequest(manager, {
          subject_user_id: input.subjectUserId,
          kind: input.kind,
          channel: input.channel,
          details: input.details,
          processor_must_act: input.processorMustAct,
          filed_by: actor.id,
          received_at: now,
          received_on: receivedOn,
          acknowledge_by: this.deadlines.acknowledgeBy(receivedOn),
          due_on: this.deadlines.completeBy(input.kind, receivedOn, input.processorMustAct),
        });
        await this.audit.record(manager, actor, {
          action: 'data_request.received',
          entityType: 'data_request',
          entityId: requestId,
          after: {
            subjectUserId: input.subjectUserId,
            kind: input.kind,
            channel: input.channel,
            processorMustAct: input.processorMustAct,
          },
        });
        return requestId;
      },
      { label: 'data-request.file' },
    );
    return this.get(actor, id);
  }

  private async act(
    actor: AuthenticatedUser,
    id: string,
    action: RequestAction,
    work: (manager: EntityManager, row: DataRequestRow, now: Date) => Promise<Record<string, unknown>>,
  ): Promise<DataRequestView> {
    await this.transactions.run(
      async (manager) => {
        const row = await dataRequestById(manager, id, true);
        if (!row) throw new NotFoundError('Data request', id);
        const to = nextState(row.state as RequestState, action);
        if (!to) throw new RequestTransitionError(action, row.state);
        const after = await work(manager, row, this.clock.now());
        await this.audit.record(manager, actor, {
          action: `data_request.${action}`,
          entityType: 'data_request',
          entityId: id,
          before: { state: row.state, dueOn: row.due_on },
          after: { state: to, ...after },
        });
      },
      { label: `data-request.${action}` },
    );
    return this.get(actor, id);
  }

  private async email(
    manager: EntityManager,
    row: DataRequestRow,
    template: Extract<
      TemplateName,
      'data-request-acknowledged' | 'data-request-extended' | 'data-request-completed' | 'data-request-refused'
    >,
    extra: { reason?: string; answer?: string },
  ): Promise<void> {
    if (!row.person_email) return;
    const language = row.person_language === 'en' ? 'en' : 'vi';
    const base = {
      fullName: row.person_name ?? '',
      kind: KIND_WORDS[row.kind as RequestKind][language],
      receivedOn: row.received_on,
      dueOn: row.due_on,
      link: `${this.config.PUBLIC_URL.replace(/\/$/, '')}/my-data`,
    };
    // Each template's data, typed by enqueueEmail (a missing key fails the build).
    switch (template) {
      case 'data-request-acknowledged':
        await this.outbox.enqueueEmail(manager, { template, to: row.person_email, language, data: base });
        break;
      case 'data-request-extended':
        await this.outbox.enqueueEmail(manager, {
          template,
          to: row.person_email,
          language,
          data: { ...base, reason: extra.reason ?? '' },
        });
        break;
      case 'data-request-completed':
        await this.outbox.enqueueEmail(manager, {
          template,
          to: row.person_email,
          language,
          data: { ...base, answer: extra.answer ?? '' },
        });
        break;
      case 'data-request-refused':
        await this.outbox.enqueueEmail(manager, {
          template,
          to: row.person_email,
          language,
          data: { ...base, reason: extra.reason ?? '' },
        });
        break;
    }
  }

  private view(r: DataRequestRow, today: string): DataRequestView {
    const state = r.state as RequestState;
    const open = OPEN_STATES.includes(state);
    const deadline = state === 'received' ? r.acknowledge_by : r.due_on;
    return {
      id: r.id,
      kind: r.kind as RequestKind,
      channel: r.channel as RequestChannel,
      details: r.details,
      state,
      processorMustAct: r.processor_must_act,
      receivedAt: new Date(r.received_at).toISOString(),
      receivedOn: r.received_on,
      acknowledgeBy: r.acknowledge_by,
      dueOn: r.due_on,
      acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at).toISOString() : null,
      extensionDays: r.extension_days,
      extensionReason: r.extension_reason,
      closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
      answer: r.answer,
      urgency: open ? this.deadlines.urgency(today, deadline) : null,
      workingDaysLeft: open ? this.deadlines.workingDaysLeft(today, deadline) : null,
      exportReady: r.kind === 'access' && state === 'completed',
      actions: allowedActions(state, r.extension_days !== null),
      person: { id: r.subject_user_id, fullName: r.person_name ?? '', email: r.person_email ?? '' },
    };
  }
}

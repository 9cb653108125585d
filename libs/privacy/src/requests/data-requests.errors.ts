import { DomainError } from '@vgbf/core';

export class RequestTransitionError extends DomainError {
  constructor(action: string, state: string) {
    super('data_request_transition', 'conflict', `A request that is ${state} cannot be ${action}.`, { state, action });
  }
}

export class AlreadyExtendedError extends DomainError {
  constructor() {
    super('data_request_already_extended', 'conflict', 'This request has already been extended once.');
  }
}

export class ExportNotReadyError extends DomainError {
  constructor() {
    super('data_request_export_not_ready', 'conflict', 'The export is available once the access request is completed.');
  }
}

export class OpenRequestExistsError extends DomainError {
  constructor(kind: string) {
    super('data_request_open', 'conflict', `There is already an open ${kind} request for this person.`, { kind });
  }
}

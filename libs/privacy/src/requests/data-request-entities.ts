import { DataRequest } from './entities/data-request.entity';

/** The requests part's tables, for apps/api/src/entities.ts and its module's forFeature. */
export const DATA_REQUEST_ENTITIES = [DataRequest];

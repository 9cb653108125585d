export { QueueModule, REDIS_CLIENT } from './queue.module';
export { DEFAULT_JOB_OPTIONS, QUEUES, type JobPayloads, type QueueName } from './queues';

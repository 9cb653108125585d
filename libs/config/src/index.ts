export { AppConfig, LOG_LEVELS, NODE_ENVS, type LogLevel, type NodeEnv } from './app-config';
export { ConfigError, loadConfig, parseConfig } from './load-config';
export { ConfigModule } from './config.module';
export { projectRoot, readProgramData } from './program-data';
export { LABEL_LANGUAGES, type LabelLanguage, hubLabel, labelOf, requestedLanguage } from './labels';

export { ApplicationsModule } from './applications.module';
export { ApplicationsService } from './applications.service';
export { missingFields } from './completeness';
export { ApplicationView } from './dto/application.view';
export {
  APPLICATION_STATUSES,
  Application,
  REGIONS,
  type ApplicationStatus,
  type Region,
} from './entities/application.entity';

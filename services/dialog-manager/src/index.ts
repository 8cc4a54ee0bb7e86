export { dialogManagerService } from './dialog-manager.service';
export { DialogManagerModule } from './dialog-manager.module';

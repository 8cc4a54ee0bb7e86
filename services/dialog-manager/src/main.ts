import 'reflect-metadata';
import { runService } from '@va/service-kit';
import { dialogManagerService } from './dialog-manager.service';

void runService(dialogManagerService);

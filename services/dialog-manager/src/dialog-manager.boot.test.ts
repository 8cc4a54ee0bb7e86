import { join } from 'node:path';
import { describeServiceBoot } from '@va/service-kit/testing';
import { dialogManagerService } from './dialog-manager.service';

describeServiceBoot(dialogManagerService, join(__dirname, 'main.js'));

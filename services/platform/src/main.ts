import 'reflect-metadata';
import { runEmbeddedPlatform } from '@va/service-kit';
import { PLATFORM_SERVICES } from './platform.services';

void runEmbeddedPlatform(PLATFORM_SERVICES);

import 'reflect-metadata';
import { DEV_ONLY_FIELD_KEYRING } from '@va/data';
import { runEmbeddedPlatform } from '@va/service-kit';
import { PLATFORM_SERVICES } from './platform.services';

void runEmbeddedPlatform(PLATFORM_SERVICES, { devOnlyDefaults: DEV_ONLY_FIELD_KEYRING });

import { join } from 'node:path';
import { describeServiceBoot } from '@va/service-kit/testing';
import { mediaGatewayService } from './media-gateway.service';

describeServiceBoot(mediaGatewayService, join(__dirname, 'main.js'));

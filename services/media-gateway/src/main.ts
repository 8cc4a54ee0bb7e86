import 'reflect-metadata';
import { runService } from '@va/service-kit';
import { mediaGatewayService } from './media-gateway.service';

void runService(mediaGatewayService);

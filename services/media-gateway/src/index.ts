export { mediaGatewayService } from './media-gateway.service';
export { MediaGatewayModule } from './media-gateway.module';

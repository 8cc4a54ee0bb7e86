export { sttService } from './stt.service';
export { SttModule } from './stt.module';

export { toolExecutorService } from './tool-executor.service';
export { ToolExecutorModule } from './tool-executor.module';

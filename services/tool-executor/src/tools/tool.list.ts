import { addToDncTool } from './add-to-dnc.tool';
import { scheduleAppointmentTool } from './schedule-appointment.tool';
import { ToolCatalog } from './tool.catalog';

/** Every tool of DOMAIN.md the executor serves. */
export function createToolCatalog(): ToolCatalog {
  return new ToolCatalog([scheduleAppointmentTool, addToDncTool]);
}

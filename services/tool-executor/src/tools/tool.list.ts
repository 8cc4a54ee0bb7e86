import { addToDncTool } from './add-to-dnc.tool';
import { cancelAppointmentTool } from './cancel-appointment.tool';
import { checkBrokerAvailabilityTool } from './check-broker-availability.tool';
import { checkEligibilityTool } from './check-eligibility.tool';
import { endCallTool } from './end-call.tool';
import { getClientProfileTool } from './get-client-profile.tool';
import { getProductPricingTool } from './get-product-pricing.tool';
import { lookupFaqTool } from './lookup-faq.tool';
import { recordConsentTool } from './record-consent.tool';
import { requestCallbackTool } from './request-callback.tool';
import { rescheduleAppointmentTool } from './reschedule-appointment.tool';
import { saveIntakeTool } from './save-intake.tool';
import { scheduleAppointmentTool } from './schedule-appointment.tool';
import { takeMessageTool } from './take-message.tool';
import { ToolCatalog } from './tool.catalog';
import { transferToHumanTool } from './transfer-to-human.tool';

/** Every tool of DOMAIN.md, as the executor serves them. */
export function createToolCatalog(): ToolCatalog {
  return new ToolCatalog([
    getClientProfileTool,
    checkEligibilityTool,
    getProductPricingTool,
    checkBrokerAvailabilityTool,
    scheduleAppointmentTool,
    rescheduleAppointmentTool,
    cancelAppointmentTool,
    recordConsentTool,
    addToDncTool,
    takeMessageTool,
    requestCallbackTool,
    lookupFaqTool,
    saveIntakeTool,
    transferToHumanTool,
    endCallTool,
  ]);
}

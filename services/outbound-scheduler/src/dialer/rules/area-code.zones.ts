/**
 * NANP area codes → IANA zone, for callees whose client record has no time zone. It covers the
 * area codes of the demo seed plus common US and Canadian ones; an area code split across
 * zones maps to the zone most of its numbers are in. Unknown → undefined (the dialer skips).
 */
const ZONE_AREA_CODES: Readonly<Record<string, readonly string[]>> = {
  'America/New_York': [
    '201', '202', '203', '212', '215', '267', '301', '302', '305', '313', '347', '404', '407', '410', '412', '516', '518', '561',
    '585', '603', '607', '609', '610', '617', '646', '678', '704', '716', '718', '732', '754', '757', '770', '772', '786', '802',
    '804', '813', '828', '843', '845', '856', '862', '908', '914', '917', '919', '929', '954', '973', '980',
  ],
  'America/Chicago': [
    '205', '210', '214', '218', '224', '251', '262', '281', '309', '312', '314', '316', '318', '319', '334', '402', '405', '414',
    '417', '469', '479', '501', '504', '507', '512', '515', '563', '601', '608', '612', '615', '618', '630', '651', '708', '713',
    '731', '763', '773', '815', '816', '817', '832', '847', '901', '913', '918', '952', '972',
  ],
  'America/Denver': ['303', '307', '385', '406', '435', '505', '575', '719', '720', '801', '970'],
  'America/Phoenix': ['480', '520', '602', '623', '928'],
  'America/Los_Angeles': ['206', '209', '213', '253', '310', '323', '360', '408', '415', '424', '425', '503', '510', '530', '541', '559', '562', '619', '626', '650', '657', '661', '702', '707', '714', '725', '747', '760', '775', '805', '818', '831', '858', '909', '916', '925', '949', '971'],
  'America/Anchorage': ['907'],
  'Pacific/Honolulu': ['808'],
  'America/Puerto_Rico': ['787', '939'],
  'America/Toronto': ['226', '249', '289', '343', '365', '416', '437', '519', '613', '647', '705', '807', '905'],
  'America/Montreal': ['418', '438', '450', '514', '579', '581', '819', '873'],
  'America/Winnipeg': ['204', '431'],
  'America/Regina': ['306', '639'],
  'America/Edmonton': ['403', '587', '780', '825'],
  'America/Vancouver': ['236', '250', '604', '672', '778'],
  'America/Halifax': ['782', '902'],
  'America/St_Johns': ['709'],
};

const ZONE_BY_AREA_CODE: ReadonlyMap<string, string> = new Map(
  Object.entries(ZONE_AREA_CODES).flatMap(([zone, codes]) => codes.map((code): [string, string] => [code, zone])),
);

const NANP_NUMBER = /^\+1([2-9][0-9]{2})[2-9][0-9]{6}$/;

/** The IANA zone of a +1 number's area code, or undefined. */
export function zoneForNumber(e164: string): string | undefined {
  const match = NANP_NUMBER.exec(e164);
  return match?.[1] === undefined ? undefined : ZONE_BY_AREA_CODE.get(match[1]);
}

/** Field specs of the look-ups: Get Number List and Find Enquiry (by Display Case Number). */
import { NUMBER_TYPES } from '../cinnox/contract';
import { defineFieldSpec, defineFieldSpecs } from './spec';

export const lookupNumberType = defineFieldSpec({
  key: 'number_type',
  label: 'Number Type',
  helpText: 'Which of your CINNOX numbers to list.',
  required: true,
  choices: NUMBER_TYPES,
});

export const displayCaseNumber = defineFieldSpec({
  key: 'display_case_number',
  label: 'Display Case Number',
  helpText: 'The enquiry number shown in the CINNOX Dashboard (displayCaseNumber).',
  required: true,
});

export const FIND_NUMBERS_FIELDS = defineFieldSpecs([lookupNumberType]);
export const FIND_ENQUIRY_FIELDS = defineFieldSpecs([displayCaseNumber]);

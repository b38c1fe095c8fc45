import { senderNumberList } from './sender-number-list';
import { staffList } from './staff-list';

export const triggers = {
  // Hidden triggers that feed dynamic drop-downs.
  staff_list: staffList,
  sender_number_list: senderNumberList,
};

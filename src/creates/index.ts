import createContact from './create-contact';
import updateContact from './update-contact';

export const creates = {
  create_contact: createContact,
  update_contact: updateContact,
};

import findContact from './find-contact';

export const searches = {
  find_contact: findContact,
};
export const searchOrCreates = {
  find_contact: {
    key: 'find_contact',
    display: {
      label: 'Find or Create External Contact',
      description: 'Finds an external contact by full name, or creates it when none matches.',
    },
    search: 'find_contact',
    create: 'create_contact',
  },
};

export const creates = {};

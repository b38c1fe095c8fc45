export const searches = {};
export const searchOrCreates = {};

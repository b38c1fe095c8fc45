import { defineApp, version as platformVersion } from 'zapier-platform-core';
import { version } from './package.json';
import { authentication } from './src/auth';
import { CINNOX_THROTTLE } from './src/cinnox/contract';
import { hydrators } from './src/hooks';
import { creates, searchOrCreates, searches, triggers } from './src/registry';

export default defineApp({
  version,
  platformVersion,
  authentication,
  throttle: CINNOX_THROTTLE,
  hydrators,
  triggers,
  creates,
  searches,
  searchOrCreates,
});

/**
 * Custom auth with the three credentials the CINNOX Dashboard generates for a Zapier account.
 */
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { cinnox, endpointOf } from './cinnox/client';
import { DASHBOARD_ZAPIER_PATH } from './cinnox/contract';
import { connectionTestError } from './cinnox/errors';

export const CINNOX_ZAPIER_GUIDE = 'https://docs.cinnox.com/docs/zapier';
const WHERE = `In the CINNOX Dashboard go to **${DASHBOARD_ZAPIER_PATH}**, then **Add Zapier Account** (or **More (...) > View** for an existing one). See [CINNOX's Zapier guide](${CINNOX_ZAPIER_GUIDE}).`;
const WARNING =
  'Regenerating the App Token or deleting this Zapier account in CINNOX ends this connection: you will have to reconnect.';

export const authentication: Authentication = {
  type: 'custom',
  fields: [
    {
      key: 'appId',
      label: 'App ID',
      type: 'string',
      required: true,
      helpText: `The App ID of your CINNOX Zapier account. ${WHERE} ${WARNING}`,
    },
    {
      key: 'appToken',
      label: 'App Token',
      type: 'password',
      required: true,
      helpText: `The App Token shown next to the App ID. ${WHERE} ${WARNING}`,
    },
    {
      key: 'baseUrl',
      label: 'Base URL',
      type: 'string',
      required: true,
      helpText: `The Base URL shown next to the App ID, for example \`https://examplebaseurl.com\` (with or without \`/v1/api/apps/{App ID}\`); https:// is assumed when left out, and plain http is refused (except for localhost). ${WHERE} ${WARNING}`,
    },
  ],
  test: async (z: ZObject, bundle: Bundle) => {
    // A refused App Token or App ID at this point is most likely mistyped: worded for a first connection.
    await cinnox.testConnection(z, bundle).catch((error: unknown) => {
      throw connectionTestError(z, error, String(bundle.authData.appId ?? '').trim());
    });
    return { appId: bundle.authData.appId, host: endpointOf(z, bundle.authData).host };
  },
  connectionLabel: async (z: ZObject, bundle: Bundle) => {
    const { host } = endpointOf(z, bundle.authData);
    return `${bundle.authData.appId} @ ${host}`;
  },
};

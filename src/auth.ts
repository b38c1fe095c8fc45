/**
 * Custom auth with the three credentials the CINNOX Dashboard generates for a Zapier account.
 */
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { endpointOf } from './cinnox/base-url';
import { cinnoxRequest } from './cinnox/client';
import { DASHBOARD_ZAPIER_PATH, STAFF_LIST_PATH } from './cinnox/contract';

export const CINNOX_ZAPIER_GUIDE = 'https://docs.cinnox.com/docs/zapier';
/** Said once, on the first field: where the three values are, and what ends the connection. */
const WHERE = `In the CINNOX Dashboard: **${DASHBOARD_ZAPIER_PATH}** > **Add Zapier Account** (see [CINNOX's Zapier guide](${CINNOX_ZAPIER_GUIDE})). Regenerating the App Token or deleting that account ends this connection.`;

export const authentication: Authentication = {
  type: 'custom',
  fields: [
    {
      key: 'appId',
      label: 'App ID',
      type: 'string',
      required: true,
      helpText: `The App ID of your CINNOX Zapier account. ${WHERE}`,
    },
    {
      key: 'appToken',
      label: 'App Token',
      type: 'password',
      required: true,
      helpText: `The App Token shown next to the App ID in the CINNOX Dashboard: **${DASHBOARD_ZAPIER_PATH}** > your Zapier account's More (...) > View (see [CINNOX's Zapier guide](${CINNOX_ZAPIER_GUIDE})).`,
    },
    {
      key: 'baseUrl',
      label: 'Base URL',
      type: 'string',
      required: true,
      helpText: `The Base URL shown next to the App ID in the CINNOX Dashboard (**${DASHBOARD_ZAPIER_PATH}**, see [CINNOX's Zapier guide](${CINNOX_ZAPIER_GUIDE})), e.g. \`https://examplebaseurl.com\` (an ending \`/v1/api/apps/{App ID}\` is fine).`,
    },
  ],
  test: async (z: ZObject, bundle: Bundle) => {
    // One cheap authenticated read. A refused App Token or App ID at this point is most likely mistyped: worded for
    // a first connection.
    await cinnoxRequest<unknown>(z, bundle, {
      method: 'GET',
      path: STAFF_LIST_PATH,
      params: { offset: 0, limit: 1 },
      connectionTest: { appId: String(bundle.authData.appId ?? '').trim() },
    });
    return { appId: bundle.authData.appId, host: endpointOf(z, bundle.authData).host };
  },
  connectionLabel: async (z: ZObject, bundle: Bundle) => {
    const { host } = endpointOf(z, bundle.authData);
    return `${bundle.authData.appId} @ ${host}`;
  },
};

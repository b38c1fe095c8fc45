/**
 * Zapier's file store as zapier-platform-core 19's z.stashFile meets it, in nock: its RPC
 * (`get_presigned_upload_post_data`, POST https://rpc.zapier.com/cli, which core calls with a deploy key outside
 * Zapier) and the presigned upload (a multipart POST). Each file uploaded is kept with its name, type and text, so a
 * test reads what a later Zap step would receive (read as the tour's file store reads it: scripts/lib/file-store.ts).
 */
import nock from 'nock';
import { uploadedFile } from '../../scripts/lib/file-store';

export interface StashedFile {
  url: string;
  name: string;
  type: string;
  text: string;
}

const RPC = 'https://rpc.zapier.com';
const UPLOAD = 'https://files.zapier.test';

/**
 * Answers the next `count` stashes (RPC and upload); the files land in the list returned. Core reads the deploy
 * key when it calls the RPC: set here, removed by `restore`.
 */
export function fileStore(count = 1): { files: StashedFile[]; restore(): void } {
  const before = process.env.ZAPIER_DEPLOY_KEY;
  process.env.ZAPIER_DEPLOY_KEY = 'test-deploy-key';
  const files: StashedFile[] = [];
  let next = 0;
  nock(RPC)
    .post('/cli', (body: { method?: string }) => body.method === 'get_presigned_upload_post_data')
    .times(count)
    .reply(200, (_uri, body) => {
      next += 1;
      const { id } = (typeof body === 'string' ? JSON.parse(body) : body) as { id: string };
      return { id, result: { url: `${UPLOAD}/`, fields: { key: `stash/${next}` } } };
    });
  nock(UPLOAD)
    .post('/')
    .times(count)
    .reply(204, (_uri, body) => {
      const { key, name, type, text } = uploadedFile(String(body))!;
      files.push({ url: `${UPLOAD}/${key}`, name, type, text });
      return '';
    });
  return {
    files,
    restore() {
      if (before === undefined) delete process.env.ZAPIER_DEPLOY_KEY;
      else process.env.ZAPIER_DEPLOY_KEY = before;
    },
  };
}

// One sync server in its own process, built from one commit (run.mjs bundles it):
//   node server-child.mjs <bundled server.mjs> <dataDir>
// It reports its URL and a workspace's invite token over IPC, and stops on 'stop'.
import { pathToFileURL } from 'node:url';

const [bundle, dataDir] = process.argv.slice(2);
const { createSyncServer } = await import(pathToFileURL(bundle).href);
const server = await createSyncServer({ host: '127.0.0.1', port: 0, dataDir, log: () => undefined });

process.on('disconnect', () => process.exit(1));
process.on('message', async ({ cmd, arg }) => {
  if (cmd === 'workspace') {
    const { workspaceId, token } = server.createWorkspace(arg);
    process.send({ workspaceId, token });
  } else if (cmd === 'stop') {
    await server.close();
    process.send({ stopped: true });
    process.disconnect();
  }
});
process.send({ url: server.url });

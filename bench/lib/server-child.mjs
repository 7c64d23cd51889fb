// One sync server in its own process, built from one commit (run.mjs bundles it):
//   node server-child.mjs <bundled server.mjs> <dataDir>
// It reports its URL, its pid (a bench reads its memory from /proc) and a workspace's invites over IPC; it stops on 'stop'.
import { pathToFileURL } from 'node:url';

const [bundle, dataDir] = process.argv.slice(2);
const { createSyncServer } = await import(pathToFileURL(bundle).href);
const server = await createSyncServer({ host: '127.0.0.1', port: 0, dataDir, log: () => undefined });

process.on('disconnect', () => process.exit(1));
process.on('message', async ({ cmd, arg }) => {
  if (cmd === 'workspace') {
    const { workspaceId, token } = server.createWorkspace(arg);
    const { token: second } = server.invite(workspaceId);
    process.send({ workspaceId, token, second });
  } else if (cmd === 'stop') {
    await server.close();
    process.send({ stopped: true });
    process.disconnect();
  }
});
process.send({ url: server.url, pid: process.pid });

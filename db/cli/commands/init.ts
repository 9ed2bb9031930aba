import type { Command } from '../command.js';

export const initCommand: Command = {
  name: 'init',
  summary: 'database aanmaken of bijwerken en dit apparaat een id geven',
  usage: 'init [--device-name NAME]',
  options: { 'device-name': { type: 'string' } },
  async run(ctx, values) {
    const store = ctx.openStore();
    if (typeof values['device-name'] === 'string') store.setMeta('device_name', values['device-name']);
    const version = store.db.pragma('user_version', { simple: true });
    ctx.io.out(
      JSON.stringify({
        db: store.file,
        device: store.device,
        device_name: store.getMeta('device_name'),
        schema_version: version,
      }),
    );
    store.close();
    return 0;
  },
};

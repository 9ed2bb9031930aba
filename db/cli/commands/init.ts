import type { Command } from '../command.js';

export const initCommand: Command = {
  name: 'init',
  summary: 'database aanmaken of bijwerken en dit apparaat een id geven',
  usage: 'init [--device-name NAME]',
  options: { 'device-name': { type: 'string' } },
  async run(ctx, values) {
    const api = ctx.open();
    try {
      const deviceName = values['device-name'] as string | undefined;
      ctx.io.out(JSON.stringify(await api.call('app.init', { deviceName })));
      return 0;
    } finally {
      api.close();
    }
  },
};

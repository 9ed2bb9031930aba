// Who and where we are: the signed-in user, the laptop, whether the database is empty.
import { useCall } from './hooks.js';

export function useInfo() {
  return useCall('app.info', {});
}

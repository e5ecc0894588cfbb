import type { StorageStatus } from '../utils/db/views';
import { t } from './i18n';

/** Says in plain words when the reader's history only lives until the browser closes. */
export function StorageNotice({ storage }: { storage: StorageStatus | undefined }) {
  if (!storage || storage.mode !== 'memory') return null;
  return (
    <div class="notice" role="note" data-storage="memory">
      <strong>{t('storageMemoryTitle')}</strong>
      <p>{t(`storage_${storage.reason}`)}</p>
      {storage.detail && <p class="detail">{t('storageDetail', { detail: storage.detail })}</p>}
    </div>
  );
}

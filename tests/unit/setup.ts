import 'fake-indexeddb/auto';
import { useMessages } from '../../components/i18n';
import english from '../../public/_locales/en/messages.json';

// WXT's fake browser has no i18n: component tests read the English locale file directly.
useMessages(english);

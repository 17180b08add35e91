// Unit and component tests run Dexie against fake-indexeddb, a complete in-memory IndexedDB.
import 'fake-indexeddb/auto';

// The browser's storage for datasets a user loaded (IndexedDB), so they
// survive a reload until removed. Every failure is reported to the caller,
// quota errors by name, never swallowed.
const DB = 'vagas';
const STORE = 'datasets';

function open() {
  return new Promise((resolve, reject) => {
    if (!('indexedDB' in self)) return reject(new Error('this browser offers no IndexedDB storage'));
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('storage is blocked by another tab of this app'));
  });
}

function describe(e) {
  if (!e) return 'unknown storage error';
  if (e.name === 'QuotaExceededError') return `QuotaExceededError: the browser's storage quota is full (${e.message})`;
  return `${e.name || 'Error'}: ${e.message || e}`;
}

async function run(mode, action) {
  let db;
  try {
    db = await open();
  } catch (e) {
    throw describe(e);
  }
  return new Promise((resolve, reject) => {
    let req;
    try {
      const tx = db.transaction(STORE, mode);
      req = action(tx.objectStore(STORE));
      tx.oncomplete = () => { db.close(); resolve(req ? req.result : undefined); };
      tx.onerror = tx.onabort = () => { db.close(); reject(describe(tx.error || (req && req.error))); };
    } catch (e) {
      db.close();
      reject(describe(e));
    }
  });
}

// A record is the typed metadata (JSON of `wire::Stored`: id, name, mode, keepValid) with the
// dataset's bytes beside it, stored as one object keyed by id (the shape of every version).
export function idbPut(meta, bytes) { return run('readwrite', (s) => s.put({ ...JSON.parse(meta), bytes })); }
export async function idbAll() {
  const records = await run('readonly', (s) => s.getAll());
  return (records || []).map(({ bytes, ...meta }) => [JSON.stringify(meta), bytes]);
}
export function idbCount() { return run('readonly', (s) => s.count()); }
export function idbDelete(id) { return run('readwrite', (s) => s.delete(id)); }
export function idbClear() { return run('readwrite', (s) => s.clear()); }

// The content manager's edit form saves its values without the version of the draft they
// were loaded from (it drops updatedAt from the form), so a form left open while the draft
// changed on the server (一键遮盖, another editor) would write its older text back. This
// remembers the updatedAt of each draft the content manager loads or saves and sends it with
// the form's save and save-and-publish as `If-Match`; the server refuses a save of an older
// version (409, 稿件已被修改，请刷新后再保存: src/features/editing/rules/refuse-stale-save.ts).
// The content manager offers no hook for its requests, so this wraps window.fetch, which its
// fetch client uses; it only reads answers and adds one header, and leaves any other request
// as it was.

type Key = string;
const versions = new Map<Key, string>();
// …/content-manager/collection-types/<uid>/<documentId>[/actions/publish]
const DOCUMENT_PATH = /\/content-manager\/collection-types\/([^/]+)\/([^/]+?)(\/actions\/publish)?$/;
const INSTALLED = Symbol.for('newsroom.draft-version');

const keyOf = (uid: string, documentId: string, locale: string | null): Key => `${uid}\u0000${documentId}\u0000${locale ?? ''}`;

type Target = { key: Key; publish: boolean; status: string | null };

const targetOf = (input: RequestInfo | URL): Target | null => {
  const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  let url: URL;
  try {
    url = new URL(href, window.location.origin);
  } catch {
    return null;
  }
  const match = DOCUMENT_PATH.exec(url.pathname);
  if (!match || match[2] === 'create') return null;
  const [, uid, documentId, publish] = match;
  return {
    key: keyOf(decodeURIComponent(uid), decodeURIComponent(documentId), url.searchParams.get('locale')),
    publish: Boolean(publish),
    status: url.searchParams.get('status'),
  };
};

/** The version of a draft this tab last loaded or saved, if any (the panels read it too). */
export const draftVersion = (uid: string, documentId: string, locale: string | null) => versions.get(keyOf(uid, documentId, locale));

export const sendDraftVersions = () => {
  // One install per page: a flag on window under a symbol (window has no index signature for it).
  const holder = window as unknown as Record<symbol, boolean>;
  if (holder[INSTALLED]) return;
  holder[INSTALLED] = true;
  const original = window.fetch.bind(window);

  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const target = targetOf(input);
    const saves = target && (method === 'PUT' || (method === 'POST' && target.publish));
    const version = saves ? versions.get(target.key) : undefined;
    if (version) {
      const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
      headers.set('If-Match', `"${version}"`);
      init = { ...init, headers };
    }
    const response = await original(input, init);
    // What the form now holds: the draft as loaded (GET) or as saved (PUT). Not a published version.
    if (target && !target.publish && (method === 'GET' || method === 'PUT') && response.ok && target.status !== 'published') {
      try {
        const body = (await response.clone().json()) as { data?: { updatedAt?: unknown; publishedAt?: unknown } };
        if (typeof body.data?.updatedAt === 'string') versions.set(target.key, body.data.updatedAt);
      } catch {
        // Not JSON: nothing to remember.
      }
    }
    return response;
  };
};

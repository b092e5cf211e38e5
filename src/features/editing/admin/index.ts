// Editing in the admin: the content manager opens on 稿件, and its saves name the version
// of the draft they edit (a stale save is refused with 409).
import type { AdminPart } from '../../../admin/admin-part';
import { openContentManagerOnArticles } from './OpenOnArticles';
import { sendDraftVersions } from './draft-version';

export const editingAdmin: AdminPart = {
  register(app) {
    // /content-manager opens on 稿件 (the plugins registered their routes before this runs).
    app.router.addRoute(openContentManagerOnArticles as never);
    // Before the content manager's first request.
    sendDraftVersions();
  },
};

package io.stockage.core.internal;

import io.stockage.ErrorKind;
import io.stockage.Mount;
import io.stockage.MountMode;
import io.stockage.MountRole;
import io.stockage.OrgPermission;
import io.stockage.spi.catalog.CatalogSession;
import java.util.Optional;

/**
 * Who may do what on a live mount: a role per mount (never per file), held by a user or a team of
 * the mount's organization; that organization's admins are managers. Everyone else — another
 * organization, or no role — finds nothing: {@code NOT_FOUND}.
 */
final class LiveAccess {
  private LiveAccess() {}

  /** The subject's role on the mount, if any. */
  static Optional<MountRole> role(Operation op, CatalogSession session, Mount mount) {
    if (mount.mode() != MountMode.LIVE || !mount.owner().orElseThrow().equals(op.subject().org())) {
      return Optional.empty();
    }
    if (op.subject().has(OrgPermission.ADMIN)) {
      return Optional.of(MountRole.MANAGER);
    }
    return session.mounts().role(mount.name(), op.subject().org(), op.subject().user(), op.teams());
  }

  /** The live mount, when the subject holds at least the role; else a denial. */
  static Mount require(Operation op, CatalogSession session, EngineContext ctx, String name, MountRole needed) {
    Mount mount = Optional.ofNullable(ctx.mounts().get(name))
        .orElseThrow(() -> Authorizer.missing("mount " + name));
    op.mount(name);
    Optional<MountRole> role = role(op, session, mount);
    if (role.isEmpty()) {
      throw op.deny(ErrorKind.NOT_FOUND, "no mount " + name);
    }
    if (!role.get().atLeast(needed)) {
      throw op.deny(ErrorKind.PERMISSION_DENIED, op.subject().user() + " is " + role.get() + " of mount " + name
          + ", " + op.name() + " needs " + needed);
    }
    return mount;
  }
}

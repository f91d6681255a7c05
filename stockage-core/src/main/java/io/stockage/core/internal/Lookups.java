package io.stockage.core.internal;

import io.stockage.Access;
import io.stockage.AccessSource;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.Permission;
import io.stockage.Project;
import io.stockage.StockageException;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.catalog.ItemStanding;
import io.stockage.spi.catalog.ProjectStanding;
import io.stockage.spi.catalog.QuotaRecords;
import io.stockage.spi.catalog.RevisionRecord;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds projects, items and folders for an operation and checks the subject's access in the same
 * step, so no caller can look something up without authorizing it.
 */
public final class Lookups {
  private Lookups() {}

  /** The project of the subject's organization with that slug, with the permission required. */
  public static Project project(Operation op, CatalogSession session, String slug, Permission needed) {
    InProject found = projectOf(op, session, slug);
    Authorizer.require(op, found.on().permissions(), needed, "project " + slug);
    return found.project();
  }

  /** The project of the subject's organization with that id, with the permission required. */
  public static Project project(Operation op, CatalogSession session, io.stockage.ProjectId id, Permission needed) {
    return checked(op, session, session.projects().find(id).filter(p -> p.org().equals(op.subject().org())),
        "project " + id, needed);
  }

  private static Project checked(Operation op, CatalogSession session, Optional<Project> found, String target,
      Permission needed) {
    Project project = found.orElseThrow(() -> Authorizer.missing(target));
    op.mount(project.mount());
    Authorizer.require(op, Authorizer.onProject(op, project, session).permissions(), needed, "project " + project.slug());
    return project;
  }

  /**
   * The project of the subject's organization with that slug and what the subject holds on it,
   * read together, without a permission check: for a call that checks a folder of it instead.
   */
  public static InProject projectOf(Operation op, CatalogSession session, String slug) {
    ProjectStanding found = session.projects().findWithMemberships(op.subject().org(), slug, op.subject().user(),
            op.teams())
        .orElseThrow(() -> Authorizer.missing("project " + slug));
    op.mount(found.project().mount());
    return new InProject(found.project(), Authorizer.onProject(op, found.project(), found.memberships()),
        found.limits());
  }

  /**
   * A project and what the subject holds on it.
   *
   * @param project the project
   * @param on the subject's permissions on it, and whether it is a member
   * @param limits the storage limits that bear on it
   */
  public record InProject(Project project, Authorizer.OnProject on, QuotaRecords.Limits limits) {}

  /** An item (live or trashed) with the permission required; its project and the subject's access come with it. */
  public static Located item(Operation op, CatalogSession session, ItemId id, Permission needed, boolean lock) {
    ItemStanding found = session.items().findWithAccess(id, op.subject().user(), op.teams(), lock)
        .orElseThrow(() -> Authorizer.missing("item " + id));
    Item item = found.item();
    Project project = found.project();
    op.mount(item.mount());
    Access access = Authorizer.access(op.subject(), found);
    Authorizer.require(op, access.permissions(), needed, "item " + id);
    return new Located(item, project, access, found.current());
  }

  /** A live item with the permission required. */
  public static Located liveItem(Operation op, CatalogSession session, ItemId id, Permission needed, boolean lock) {
    Located located = item(op, session, id, needed, lock);
    if (located.item().isTrashed()) {
      throw StockageException.of(ErrorKind.NOT_FOUND, "item " + id + " is in the trash");
    }
    return located;
  }

  /** A live file with the permission required. */
  public static Located liveFile(Operation op, CatalogSession session, ItemId id, Permission needed, boolean lock) {
    Located located = liveItem(op, session, id, needed, lock);
    if (located.item().isFolder()) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "item " + id + " is a folder, not a file");
    }
    return located;
  }

  /**
   * Checks that a target folder (empty: the project's root) is a live folder of the project on
   * which the subject has the permission.
   *
   * @return whether the subject sees every item below the folder: it holds a project role, or an
   *     access entry applies to the folder (entries on a folder apply to everything below it)
   */
  public static boolean folder(Operation op, CatalogSession session, Project project, Optional<ItemId> folder,
      Permission needed) {
    return folder(op, session, project, () -> Authorizer.onProject(op, project, session), folder, needed);
  }

  /** The same for a project read with what the subject holds on it. */
  public static boolean folder(Operation op, CatalogSession session, InProject project, Optional<ItemId> folder,
      Permission needed) {
    return folder(op, session, project.project(), project::on, folder, needed);
  }

  private static boolean folder(Operation op, CatalogSession session, Project project,
      Supplier<Authorizer.OnProject> onProject, Optional<ItemId> folder, Permission needed) {
    if (folder.isEmpty()) {
      Authorizer.OnProject on = onProject.get();
      Authorizer.require(op, on.permissions(), needed, "project " + project.slug());
      return on.member();
    }
    Located target = liveItem(op, session, folder.get(), needed, false);
    if (!target.item().isFolder() || !target.project().id().equals(project.id())) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT,
          "item " + folder.get() + " is not a folder of project " + project.slug());
    }
    return target.access().sources().stream()
        .anyMatch(s -> s.kind() == AccessSource.Kind.PROJECT || s.kind() == AccessSource.Kind.ENTRY);
  }

  /**
   * An item with its project.
   *
   * @param item the item
   * @param project its project
   * @param access the subject's access to it
   * @param current a file's current revision, read with it (empty for a folder)
   */
  public record Located(Item item, Project project, Access access, Optional<RevisionRecord> current) {
    /** A file's current revision, read with it: what a download or a copy reads from. */
    public RevisionRecord revision() {
      return current.orElseThrow(() -> StockageException.notFound("no revision " + item.revision() + " of item "
          + item.id()));
    }
  }

  /** Checks that a move or copy stays in the item's project. */
  public static void sameProject(Project project, io.stockage.Location target) {
    if (!project.slug().equals(target.project())) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "items move and copy within their project ("
          + project.slug() + "), not to project " + target.project());
    }
  }
}

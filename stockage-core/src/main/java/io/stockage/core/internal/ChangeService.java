package io.stockage.core.internal;

import io.stockage.ChangeCursor;
import io.stockage.ChangeListener;
import io.stockage.ChangePage;
import io.stockage.Changes;
import io.stockage.ErrorKind;
import io.stockage.OrgPermission;
import io.stockage.Permission;
import io.stockage.ProjectId;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.Subscription;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.catalog.FeedSpec;
import java.time.Duration;
import java.util.Optional;

/**
 * The change feed: pages read from the catalog's journal, filtered there by permission, and
 * subscriptions fed by this engine's {@link ChangeRelay}.
 */
public final class ChangeService implements Changes {
  /** The most changes one page holds. */
  public static final int MAX_PAGE = 1000;

  private final EngineContext ctx;
  private final ChangeRelay relay;
  private final Duration retention;

  /** A service over the engine's context, keeping changes for the retention. */
  public ChangeService(EngineContext ctx, ChangeRelay.Options options) {
    this.ctx = ctx;
    this.relay = new ChangeRelay(ctx, this, options);
    this.retention = options.retention();
  }

  @Override
  public ChangePage page(Subject subject, ChangeCursor after, int limit) {
    return read(subject, Optional.empty(), after, limit);
  }

  @Override
  public ChangePage page(Subject subject, ProjectId project, ChangeCursor after, int limit) {
    return read(subject, Optional.of(project), after, limit);
  }

  /** The page after the cursor, within the project when one is named; checks the cursor against the floor. */
  ChangePage read(Subject subject, Optional<ProjectId> project, ChangeCursor after, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a page of changes holds 1 to " + MAX_PAGE);
    }
    Operation op = Operation.query(ctx, "changes", subject, project.map(ProjectId::toString).orElse(subject.org().value()));
    return op.run(() -> ctx.catalog().read(session -> {
      requireReadable(op, session, project, after);
      return session.changes().read(spec(op, project), after, limit);
    }));
  }

  @Override
  public ChangeCursor latestCursor(Subject subject) {
    Operation op = Operation.query(ctx, "latest-change", subject, subject.org().value());
    return op.run(() -> ctx.catalog().read(session -> session.changes().horizon()));
  }

  @Override
  public Subscription subscribe(Subject subject, ChangeCursor after, ChangeListener listener) {
    return subscribe(subject, Optional.empty(), after, listener);
  }

  @Override
  public Subscription subscribe(Subject subject, ProjectId project, ChangeCursor after, ChangeListener listener) {
    return subscribe(subject, Optional.of(project), after, listener);
  }

  // A subscription starts only from a cursor the feed can serve: the caller hears it now, not in onClosed.
  private Subscription subscribe(Subject subject, Optional<ProjectId> project, ChangeCursor after,
      ChangeListener listener) {
    Operation op = Operation.query(ctx, "subscribe", subject, project.map(ProjectId::toString).orElse(subject.org().value()));
    op.run(() -> ctx.catalog().read(session -> {
      requireReadable(op, session, project, after);
      return null;
    }));
    return relay.subscribe(subject, project, after, listener);
  }

  /** How long the oldest change not yet readable has waited. */
  public Duration lag() {
    return ctx.catalog().read(session -> session.changes().lag(ctx.clock().instant()));
  }

  /** Removes the changes older than the retention; returns how many. */
  public long prune() {
    return ctx.catalog().inTransaction(session -> session.changes().prune(ctx.clock().instant().minus(retention)));
  }

  /** Stops the relay and ends every subscription. */
  public void close() {
    relay.close();
  }

  // The project is the subject's organization's, and the feed still holds what follows the cursor.
  private static void requireReadable(Operation op, CatalogSession session, Optional<ProjectId> project,
      ChangeCursor after) {
    project.ifPresent(p -> requireProject(op, session, p));
    if (after.compareTo(session.changes().floor()) < 0) {
      throw StockageException.of(ErrorKind.RESYNC_REQUIRED,
          "the change feed no longer holds what followed this cursor: read the current state again");
    }
  }

  // Narrowing to a project only narrows: the project must be the subject's organization's, nothing more.
  private static void requireProject(Operation op, CatalogSession session, ProjectId project) {
    session.projects().find(project).filter(p -> p.org().equals(op.subject().org()))
        .orElseThrow(() -> Authorizer.missing("project " + project));
  }

  private static FeedSpec spec(Operation op, Optional<ProjectId> project) {
    boolean regular = AccessRules.organizationPermissions(op.subject()).contains(Permission.VIEW);
    return new FeedSpec(op.subject().org(), op.subject().user(), op.teams(), regular,
        op.subject().has(OrgPermission.ADMIN), project);
  }
}

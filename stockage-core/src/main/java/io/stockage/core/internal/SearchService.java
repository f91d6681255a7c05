package io.stockage.core.internal;

import io.stockage.ItemId;
import io.stockage.OrgPermission;
import io.stockage.PageRequest;
import io.stockage.Permission;
import io.stockage.ProjectId;
import io.stockage.Search;
import io.stockage.SearchQuery;
import io.stockage.SearchResults;
import io.stockage.Subject;
import io.stockage.spi.catalog.SearchSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Search, and the reindex pass: the catalog matches, ranks and filters by permission in one
 * statement ({@link io.stockage.spi.catalog.SearchRecords#search}); this service resolves the
 * filters the subject names and says who asks.
 */
public final class SearchService implements Search {
  private static final int REINDEX_BATCH = 1000;

  private final EngineContext ctx;
  private final io.stockage.Mounts mounts;

  /** A service over the engine's context; {@code mounts} tells which mounts a subject can use. */
  public SearchService(EngineContext ctx, io.stockage.Mounts mounts) {
    this.ctx = ctx;
    this.mounts = mounts;
  }

  @Override
  public List<io.stockage.SearchCoverage> coverage(Subject subject) {
    return mounts.list(subject).stream().map(m -> new io.stockage.SearchCoverage(m.name(),
        m.mode() == io.stockage.MountMode.MANAGED ? io.stockage.SearchCoverage.Scope.CONTENT
            : io.stockage.SearchCoverage.Scope.NAMES)).toList();
  }

  @Override
  public SearchResults search(Subject subject, SearchQuery query, PageRequest page) {
    Operation op = Operation.query(ctx, "search", subject, query.text());
    return op.run(() -> ctx.catalog().read(session -> {
      Optional<ProjectId> project = Optional.empty();
      Optional<ItemId> folder = query.folder();
      if (query.project().isPresent()) {
        // A project filter only narrows what the subject sees; a folder filter must be one it sees.
        Lookups.InProject p = Lookups.projectOf(op, session, query.project().get());
        project = Optional.of(p.project().id());
        if (folder.isPresent()) {
          Lookups.folder(op, session, p, folder, Permission.VIEW);
        }
      }
      boolean regular = AccessRules.organizationPermissions(subject).contains(Permission.VIEW);
      return session.search().search(new SearchSpec(subject.org(), subject.user(), op.teams(), regular, query, project,
          folder), page);
    }));
  }

  @Override
  public Optional<io.stockage.Indexed> indexed(Subject subject, ItemId item) {
    Operation op = Operation.query(ctx, "indexed", subject, item.toString());
    return op.run(() -> ctx.catalog().read(session -> {
      Lookups.item(op, session, item, Permission.VIEW, false);
      return session.search().document(item).map(d -> new io.stockage.Indexed(d.item(), d.revision(), d.properties(),
          d.keywords(), d.error(), d.indexedAt()));
    }));
  }

  /**
   * Queues an index job for every live item of the subject's organization, in batches of ids (one
   * transaction each, so memory stays bounded and a pass stopped midway resumes by running again:
   * jobs are idempotent); returns how many were queued. Needs {@link OrgPermission#ADMIN}.
   */
  public long reindex(Subject subject) {
    Operation op = Operation.mutation(ctx, "reindex", subject, subject.org().value());
    return op.run(() -> {
      Authorizer.requireOrg(op, OrgPermission.ADMIN);
      long queued = 0;
      Optional<ItemId> after = Optional.empty();
      List<ItemId> batch;
      do {
        Optional<ItemId> from = after;
        Instant now = ctx.clock().instant();
        batch = ctx.catalog().inTransaction(s -> s.search().enqueueAll(subject.org(), from, REINDEX_BATCH, now));
        queued += batch.size();
        after = batch.isEmpty() ? after : Optional.of(batch.get(batch.size() - 1));
      } while (batch.size() == REINDEX_BATCH);
      long total = queued;
      ctx.catalog().inTransaction(s -> {
        s.audit().append(op.allowed(Map.of("items", Long.toString(total))));
        return null;
      });
      return total;
    });
  }
}

package io.stockage.core;

import io.stockage.AccessControl;
import io.stockage.AuditLog;
import io.stockage.Changes;
import io.stockage.Locks;
import io.stockage.Quotas;
import io.stockage.Uploads;
import io.stockage.Fields;
import io.stockage.Files;
import io.stockage.LiveMounts;
import io.stockage.Maintenance;
import io.stockage.Mount;
import io.stockage.MountInfo;
import io.stockage.MountMode;
import io.stockage.Mounts;
import io.stockage.Projects;
import io.stockage.ReconcileReport;
import io.stockage.Revisions;
import io.stockage.Search;
import io.stockage.Sharing;
import io.stockage.Stockage;
import io.stockage.Subject;
import io.stockage.Teams;
import io.stockage.UploadPolicy;
import io.stockage.core.internal.AccessService;
import io.stockage.core.internal.AuditService;
import io.stockage.core.internal.ChangeService;
import io.stockage.core.internal.UploadService;
import io.stockage.core.internal.ContentService;
import io.stockage.core.internal.EngineContext;
import io.stockage.core.internal.FilesView;
import io.stockage.core.internal.Indexer;
import io.stockage.core.internal.LiveService;
import io.stockage.core.internal.LiveWatcher;
import io.stockage.core.internal.MetadataService;
import io.stockage.core.internal.ProjectService;
import io.stockage.core.internal.RevisionService;
import io.stockage.core.internal.SearchService;
import io.stockage.core.internal.SecureUrls;
import io.stockage.core.internal.ShareLinks;
import io.stockage.core.internal.SharingView;
import io.stockage.core.internal.TeamService;
import io.stockage.core.internal.TreeService;
import java.security.SecureRandom;
import java.util.Comparator;

/**
 * The Stockage engine: the {@link Stockage} views over a catalog and one or more mounts. Build it
 * with {@link #builder()}; it is thread-safe, and {@link #close()} closes the mounts' providers
 * and the catalog it was built with.
 */
public final class StockageEngine implements Stockage {
  private final EngineContext ctx;
  private final ProjectService projects;
  private final TeamService teams;
  private final FilesView files;
  private final RevisionService revisions;
  private final AccessService access;
  private final SharingView sharing;
  private final LiveService live;
  private final MetadataService metadata;
  private final AuditService audit;
  private final SearchService search;
  private final ChangeService changes;
  private final UploadService uploads;
  private final Quotas quotas;
  private final Locks locks;
  private final Indexer indexer;
  private final LiveWatcher watcher;
  private final Mounts mounts;
  private final Maintenance maintenance;
  private final Reconciler reconciler;
  private final Retention retention;

  StockageEngine(EngineContext ctx, Reconciler reconciler, EngineOptions options) {
    this.ctx = ctx;
    this.projects = new ProjectService(ctx);
    this.teams = new TeamService(ctx);
    this.access = new AccessService(ctx);
    this.metadata = new MetadataService(ctx);
    ContentService contents = new ContentService(ctx);
    this.files = new FilesView(new TreeService(ctx), contents, metadata, access);
    this.revisions = new RevisionService(ctx);
    this.sharing = new SharingView(new ShareLinks(ctx, new SecureRandom()), new SecureUrls(ctx, options.signer()));
    this.watcher = new LiveWatcher(ctx, options.liveWatch());
    this.live = new LiveService(ctx, options.liveListingTtl(), watcher::touched);
    this.audit = new AuditService(ctx);
    this.changes = new ChangeService(ctx, options.changes());
    this.uploads = new UploadService(ctx, contents, live, options.uploads());
    this.quotas = new io.stockage.core.internal.QuotaService(ctx);
    this.locks = new io.stockage.core.internal.LockService(ctx);
    this.indexer = new Indexer(ctx, options.indexing());
    this.reconciler = reconciler;
    this.retention = new Retention(ctx);
    this.mounts = subject -> ctx.mounts().values().stream()
        .filter(m -> m.mode() == MountMode.MANAGED || live.visible(subject, m))
        .map(Mount::info)
        .sorted(Comparator.comparing(MountInfo::name)).toList();
    this.search = new SearchService(ctx, mounts);
    this.maintenance = new Maintenance() {
      @Override
      public int applyRetention() {
        return retention.run();
      }

      @Override
      public java.time.Duration changeFeedLag() {
        return changes.lag();
      }

      @Override
      public int expireUploads() {
        return uploads.expire();
      }

      @Override
      public long pruneChanges() {
        return changes.prune();
      }

      @Override
      public ReconcileReport reconcile() {
        return reconciler.run();
      }

      @Override
      public long reindex(Subject subject) {
        return search.reindex(subject);
      }
    };
    indexer.start();
    watcher.start();
  }

  /** A builder; a catalog and at least one managed mount are required. */
  public static StockageEngineBuilder builder() {
    return new StockageEngineBuilder();
  }

  /** The upload policy in force. */
  public UploadPolicy uploadPolicy() {
    return ctx.policy();
  }

  @Override
  public Projects projects() {
    return projects;
  }

  @Override
  public Teams teams() {
    return teams;
  }

  @Override
  public Files files() {
    return files;
  }

  @Override
  public Revisions revisions() {
    return revisions;
  }

  @Override
  public AccessControl access() {
    return access;
  }

  @Override
  public Sharing sharing() {
    return sharing;
  }

  @Override
  public LiveMounts live() {
    return live;
  }

  @Override
  public Fields fields() {
    return metadata;
  }

  @Override
  public AuditLog audit() {
    return audit;
  }

  @Override
  public Search search() {
    return search;
  }

  @Override
  public Uploads uploads() {
    return uploads;
  }

  @Override
  public Quotas quotas() {
    return quotas;
  }

  @Override
  public Locks locks() {
    return locks;
  }

  @Override
  public Changes changes() {
    return changes;
  }

  /** This engine's indexing worker: tests and benchmarks drive it with {@link Indexer#runOnce()}. */
  Indexer indexer() {
    return indexer;
  }

  @Override
  public Mounts mounts() {
    return mounts;
  }

  @Override
  public Maintenance maintenance() {
    return maintenance;
  }

  @Override
  public void close() {
    indexer.close();
    watcher.close();
    changes.close();
    ctx.mounts().values().forEach(m -> m.provider().close());
    ctx.catalog().close();
  }
}

package io.stockage.core;

import io.stockage.Capability;
import io.stockage.ErrorKind;
import io.stockage.Mount;
import io.stockage.MountMode;
import io.stockage.OnExistingName;
import io.stockage.RetentionPolicy;
import io.stockage.StockageException;
import io.stockage.UploadPolicy;
import io.stockage.VersioningMode;
import io.stockage.core.internal.ChangeRelay;
import io.stockage.core.internal.ContentSniffer;
import io.stockage.core.internal.EngineContext;
import io.stockage.core.internal.Indexer;
import io.stockage.core.internal.LiveWatcher;
import io.stockage.core.internal.UrlSigner;
import io.stockage.spi.catalog.Catalog;
import io.stockage.spi.catalog.Directory;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a {@link StockageEngine}; {@link #build()} validates and fails with {@code CONFIG_INVALID}. */
public final class StockageEngineBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(StockageEngineBuilder.class);
  private Catalog catalog;
  private Directory directory = Directory.none();
  private final Map<String, Mount> mounts = new LinkedHashMap<>();
  private String defaultMount;
  private UploadPolicy policy = UploadPolicy.defaults();
  private InstantSource clock = InstantSource.system();
  private Duration reconcilerGrace = Duration.ofHours(1);
  private OnExistingName onExistingName = OnExistingName.NEW_REVISION;
  private Duration liveListingTtl = Duration.ofSeconds(5);
  private Indexer.Options indexing = Indexer.Options.defaults();
  private ChangeRelay.Options changes = ChangeRelay.Options.defaults();
  private LiveWatcher.Options liveWatch = LiveWatcher.Options.defaults();
  private Duration uploadSessionTtl = Duration.ofHours(24);
  private long uploadChunkSize = 8L << 20;
  private Duration permissionCacheTtl = Duration.ofSeconds(5);
  private final Map<String, RetentionPolicy> retention = new LinkedHashMap<>();
  private SigningKeys signingKeys;
  private URI publicBaseUrl = URI.create("http://localhost:8080");

  StockageEngineBuilder() {}

  /** The metadata store (required), e.g. {@code JdbcCatalog}. */
  public StockageEngineBuilder catalog(Catalog value) {
    this.catalog = Objects.requireNonNull(value);
    return this;
  }

  /** Where teams come from; none by default. */
  public StockageEngineBuilder directory(Directory value) {
    this.directory = Objects.requireNonNull(value);
    return this;
  }

  /** Adds a mount; the first managed mount is the default unless {@link #defaultMount} says otherwise. */
  public StockageEngineBuilder mount(Mount value) {
    if (mounts.putIfAbsent(value.name(), value) != null) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "two mounts are named " + value.name());
    }
    return this;
  }

  /** The managed mount new projects are stored on. */
  public StockageEngineBuilder defaultMount(String name) {
    this.defaultMount = Objects.requireNonNull(name);
    return this;
  }

  /** The upload policy; {@link UploadPolicy#defaults()} by default. */
  public StockageEngineBuilder uploadPolicy(UploadPolicy value) {
    this.policy = Objects.requireNonNull(value);
    return this;
  }

  /**
   * The time source; the system clock by default. Instants are truncated to microseconds, the
   * precision the catalog keeps, so what a call returns equals what a later read finds.
   */
  public StockageEngineBuilder clock(InstantSource value) {
    this.clock = Objects.requireNonNull(value);
    return this;
  }

  /**
   * How long staging objects and unreferenced blobs are left alone before the reconciler removes
   * them; one hour by default. It must exceed the longest upload.
   */
  public StockageEngineBuilder reconcilerGrace(Duration value) {
    if (value.isNegative()) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "the reconciler grace period cannot be negative");
    }
    this.reconcilerGrace = value;
    return this;
  }

  /** What an upload to a name that exists does; a new revision of that file by default. */
  public StockageEngineBuilder onExistingName(OnExistingName value) {
    this.onExistingName = Objects.requireNonNull(value);
    return this;
  }

  /** Which revisions of the mount's files the retention pass keeps; all by default. */
  public StockageEngineBuilder retention(String mount, RetentionPolicy policy) {
    retention.put(Objects.requireNonNull(mount), Objects.requireNonNull(policy));
    return this;
  }

  /**
   * How long a live mount's directory listing is cached: a change made directly on the backend
   * shows up after at most this long; 5 seconds by default.
   */
  public StockageEngineBuilder liveListingTtl(Duration value) {
    if (value.isNegative()) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "the live listing cache time cannot be negative");
    }
    this.liveListingTtl = value;
    return this;
  }

  /**
   * The chunk size of resumable uploads (default 8 MiB, from 5 MiB to 5 GiB, S3's part limits):
   * what clients are told to send, and the smallest part of an upload assembled on an object store
   * (larger when the declared length would need more than 10,000 parts).
   */
  public StockageEngineBuilder uploadChunkSize(long bytes) {
    if (bytes < (5L << 20) || bytes > (5L << 30)) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "the upload chunk size is from 5 MiB to 5 GiB: " + bytes);
    }
    this.uploadChunkSize = bytes;
    return this;
  }

  /** How long a resumable upload session lives before it is removed with what it stored (default 24 h). */
  public StockageEngineBuilder uploadSessionTtl(Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "an upload session lives a positive time");
    }
    this.uploadSessionTtl = value;
    return this;
  }

  /**
   * How often each live mount is scanned for the change feed (default 1 s; zero: this node scans
   * none, others may): changes made directly on the backend appear within about that time. One node
   * at a time scans a mount (a lease in the catalog).
   */
  public StockageEngineBuilder liveWatch(Duration interval) {
    if (interval.isNegative()) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "the live watch interval cannot be negative");
    }
    this.liveWatch = new LiveWatcher.Options(interval, liveWatch.maxEntries());
    return this;
  }

  /**
   * How the change feed is pushed and kept: how often subscribers' feed is read when no wake-up
   * came (default 500 ms; on PostgreSQL every commit wakes every node at once), how long a
   * listener may hold one delivery before it is dropped (default 10 s), and how long changes are
   * kept (default 30 days; {@link io.stockage.Maintenance#pruneChanges}).
   */
  public StockageEngineBuilder changeFeed(Duration poll, Duration stall, Duration retention) {
    this.changes = new ChangeRelay.Options(poll, stall, retention);
    return this;
  }

  /**
   * Whether this engine runs an indexing worker (default true), how often it looks for due jobs
   * (default 250 ms) and how long it holds a job before another node may take it (default 5
   * minutes: longer than the extraction timeout of 30 s). Every node may run one; a node that
   * runs none still queues jobs, which the others do.
   */
  public StockageEngineBuilder indexing(boolean enabled, Duration poll, Duration lease) {
    if (poll.isNegative() || poll.isZero() || lease.compareTo(Duration.ofSeconds(1)) < 0) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "indexing needs a positive poll and a lease of 1 s or more");
    }
    this.indexing = new Indexer.Options(poll, lease, indexing.limits(), enabled, indexing.workers());
    return this;
  }

  /**
   * How many threads of this engine's indexing worker lease and do jobs side by side (default: one
   * per processor, up to 4).
   */
  public StockageEngineBuilder indexingWorkers(int count) {
    if (count < 1) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "indexing needs at least one worker thread");
    }
    this.indexing = indexing.withWorkers(count);
    return this;
  }

  /**
   * How long {@link io.stockage.AccessControl#permissions} decisions are cached: this engine forgets
   * them at once when it changes access, other nodes and the team directory after at most this
   * long; 5 seconds by default, zero for no cache. Operations never use the cache.
   */
  public StockageEngineBuilder permissionCacheTtl(Duration value) {
    if (value.isNegative()) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "the permission cache time cannot be negative");
    }
    this.permissionCacheTtl = value;
    return this;
  }

  /**
   * The keys of the HMAC-signed download URLs of mounts that cannot presign: the first signs,
   * each verifies (see {@link SigningKeys} for rotation). By default one random key per engine,
   * with a warning: its URLs stop working when the engine stops, and other nodes refuse them.
   */
  public StockageEngineBuilder signingKeys(SigningKeys value) {
    this.signingKeys = Objects.requireNonNull(value);
    return this;
  }

  /**
   * Where the host serves Stockage's signed URLs ({@code {base}/api/v1/signed/{item}?...}): its
   * public scheme, host, port and context path; {@code http://localhost:8080} by default.
   */
  public StockageEngineBuilder publicBaseUrl(URI value) {
    Objects.requireNonNull(value);
    if (!value.isAbsolute() || value.getHost() == null || value.getRawQuery() != null
        || value.getRawFragment() != null) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID,
          "the public base URL must be absolute, with a host and no query or fragment: " + value);
    }
    this.publicBaseUrl = value;
    return this;
  }

  /** The engine. */
  public StockageEngine build() {
    if (catalog == null) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "a catalog is required (e.g. JdbcCatalog.connect(...))");
    }
    String chosen = defaultMount != null ? defaultMount : mounts.values().stream()
        .filter(m -> m.mode() == MountMode.MANAGED).map(Mount::name).findFirst()
        .orElseThrow(() -> StockageException.of(ErrorKind.CONFIG_INVALID, "at least one managed mount is required"));
    Mount mount = mounts.get(chosen);
    if (mount == null || mount.mode() != MountMode.MANAGED) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "the default mount must be a managed mount: " + chosen);
    }
    InstantSource source = clock;
    InstantSource micros = () -> source.instant().truncatedTo(ChronoUnit.MICROS);
    mounts.values().stream()
        .filter(m -> m.versioning() == VersioningMode.NATIVE
            && !m.provider().capabilities().supports(Capability.NATIVE_VERSIONING))
        .findFirst().ifPresent(m -> {
          throw StockageException.of(ErrorKind.CONFIG_INVALID, "mount " + m.name() + " asks for NATIVE versioning but its "
              + m.provider().scheme() + " provider has none (is bucket versioning enabled?)");
        });
    retention.keySet().stream().filter(name -> !mounts.containsKey(name)).findFirst().ifPresent(name -> {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "retention is set for an unknown mount: " + name);
    });
    EngineContext ctx = new EngineContext(catalog, directory, mounts, chosen, policy, micros, ContentSniffer.create(),
        onExistingName, retention, new io.stockage.core.internal.AccessCache(permissionCacheTtl));
    mounts.values().stream()
        .filter(m -> m.mode() == MountMode.LIVE && !m.provider().capabilities().supports(Capability.DIRECTORIES))
        .findFirst().ifPresent(m -> {
          throw StockageException.of(ErrorKind.CONFIG_INVALID, "live mount " + m.name() + " needs a provider with "
              + "DIRECTORIES; " + m.provider().scheme() + " has none");
        });
    return new StockageEngine(ctx, new Reconciler(ctx, reconcilerGrace),
        new EngineOptions(liveListingTtl, new UrlSigner(keys(), publicBaseUrl, micros), indexing, changes, liveWatch,
            new io.stockage.core.internal.UploadService.Options(uploadSessionTtl, uploadChunkSize)));
  }

  private SigningKeys keys() {
    if (signingKeys != null) {
      return signingKeys;
    }
    LOG.warn("No signing keys are configured: signed download URLs use a random key of this engine and stop "
        + "working when it restarts (and on other nodes); configure SigningKeys (stockage.signing.keys)");
    return SigningKeys.random();
  }
}

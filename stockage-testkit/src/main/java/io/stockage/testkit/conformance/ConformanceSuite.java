package io.stockage.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stockage.ByteRange;
import io.stockage.Capabilities;
import io.stockage.Capability;
import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.storage.MultipartWrite;
import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.ObjectPage;
import io.stockage.spi.storage.ObjectVersion;
import io.stockage.spi.storage.StorageProvider;
import io.stockage.spi.storage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The base of every conformance suite.
 *
 * <p>It creates the provider once per suite class through {@link #providerUnderTest()} and gives
 * the class a random root, {@code conformance-<random>/}, under which every key of its tests
 * lives ({@link #key(String)}). After each test it checks that every {@link ObjectContent} the
 * test opened was closed, aborts the multipart uploads left open, deletes every key the test
 * wrote (with all its versions when the provider keeps versions), and fails if anything else is
 * left under the root. The provider is closed after the class's last test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
public abstract class ConformanceSuite {
  private static final int MAX_PAGES = 100_000;
  private ProviderUnderTest underTest;
  private TrackingProvider provider;
  private String root;

  /** For subclasses. */
  protected ConformanceSuite() {}

  /** The provider to check and, when it talks to a server, how to stop and start that server. */
  protected abstract ProviderUnderTest providerUnderTest();

  @BeforeAll
  final void openProvider() {
    underTest = providerUnderTest();
    provider = new TrackingProvider(underTest.create());
    root = "conformance-" + HexFormat.of().toHexDigits(new Random().nextLong()) + "/";
  }

  @AfterEach
  final void cleanUpAfterTest() {
    cleanUp();
  }

  @AfterAll
  final void closeProvider() {
    if (provider != null) {
      provider.underTest().close();
    }
  }

  /** The provider under test, seen through the suite's bookkeeping. */
  protected final StorageProvider provider() {
    return provider;
  }

  /** The server behind the provider; empty for an in-process provider. */
  protected final Optional<ServerControl> server() {
    return underTest.server();
  }

  /** The provider's declared capabilities. */
  protected final Capabilities capabilities() {
    return provider.capabilities();
  }

  /** Whether the provider declares the capability. */
  protected final boolean supports(Capability capability) {
    return capabilities().supports(capability);
  }

  /** Skips the test unless the provider declares the capability. */
  protected final void assumeSupports(Capability capability) {
    assumeTrue(supports(capability), "the provider does not declare " + capability);
  }

  /** Skips the test when the provider declares the capability. */
  protected final void assumeLacks(Capability capability) {
    assumeFalse(supports(capability), "the provider declares " + capability);
  }

  /** The root of this suite class: every key of its tests starts with it. */
  protected final String root() {
    return root;
  }

  /** The key {@code name} under this class's root. */
  protected final String key(String name) {
    return root + name;
  }

  /** Writes the bytes, length declared, and returns what the provider answered. */
  protected final ObjectInfo put(String key, byte[] data) {
    return provider.write(key, new ByteArrayInputStream(data), WriteOptions.defaults().withLength(data.length));
  }

  /** The object's bytes, read whole. */
  protected final byte[] read(String key) {
    return readAll(provider.read(key, Optional.empty()));
  }

  /** The bytes of a range of the object. */
  protected final byte[] read(String key, ByteRange range) {
    return readAll(provider.read(key, Optional.of(range)));
  }

  /**
   * Reads the content to its end and closes it, checking that the stream yields exactly
   * {@code slice().length()} bytes.
   */
  protected static byte[] readAll(ObjectContent content) {
    try (content) {
      byte[] bytes = content.stream().readAllBytes();
      assertThat((long) bytes.length).as("bytes yielded by the stream of %s, slice %s", content.info().key(),
          content.slice()).isEqualTo(content.slice().length());
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every object under the prefix, following {@code next} from page to page, checking that keys
   * ascend strictly, start with the prefix and, with {@code LIST_PAGED}, that no page holds more
   * than {@code limit}.
   */
  protected final List<ObjectInfo> listAll(String prefix, int limit) {
    List<ObjectInfo> all = new ArrayList<>();
    Optional<String> after = Optional.empty();
    int pages = 0;
    do {
      assertThat(++pages).as("pages listed under %s: the cursor never ends", prefix).isLessThan(MAX_PAGES);
      ObjectPage page = provider.list(prefix, after, limit);
      if (supports(Capability.LIST_PAGED)) {
        assertThat(page.objects()).as("page of %s with limit %d", prefix, limit).hasSizeLessThanOrEqualTo(limit);
      }
      for (ObjectInfo info : page.objects()) {
        assertThat(info.key()).as("listed key").startsWith(prefix);
        if (!all.isEmpty()) {
          assertThat(info.key()).as("key listed after %s", all.get(all.size() - 1).key())
              .isGreaterThan(all.get(all.size() - 1).key());
        }
        all.add(info);
      }
      assertThat(page.next().isEmpty() || !page.next().equals(after)).as("next cursor moves on").isTrue();
      after = page.next();
    } while (after.isPresent());
    return all;
  }

  /** The keys of {@link #listAll}. */
  protected final List<String> listKeys(String prefix, int limit) {
    return listAll(prefix, limit).stream().map(ObjectInfo::key).toList();
  }

  /** Asserts that the call fails with a {@link StockageException} of the kind, and returns it. */
  protected static StockageException assertFails(ErrorKind kind, ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("expected a StockageException of kind %s", kind).isInstanceOf(StockageException.class);
    StockageException e = (StockageException) thrown;
    assertThat(e.kind()).as("kind of %s", e).isEqualTo(kind);
    return e;
  }

  /** Asserts that the call fails with {@code UNSUPPORTED} naming the capability. */
  protected static void assertUnsupported(Capability capability, ThrowingCallable call) {
    StockageException e = assertFails(ErrorKind.UNSUPPORTED, call);
    assertThat(e.capability()).as("capability named by %s", e).contains(capability);
  }

  /**
   * Closes leaked streams, aborts open uploads, deletes what the test wrote and checks nothing
   * else is left under the root; fails naming the leaks.
   */
  final void cleanUp() {
    List<Throwable> problems = new ArrayList<>(provider.closeLeakedStreams());
    int leaks = problems.size();
    for (MultipartWrite upload : provider.takeUnfinishedUploads()) {
      abortQuietly(upload);
    }
    for (String key : provider.takeWritten()) {
      deleteWithVersions(key, problems);
    }
    List<String> leftovers = new ArrayList<>();
    try {
      for (ObjectInfo info : listAll(root, 1000)) {
        leftovers.add(info.key());
        deleteWithVersions(info.key(), problems);
      }
    } catch (RuntimeException | AssertionError e) {
      problems.add(e);
    }
    if (!problems.isEmpty() || !leftovers.isEmpty()) {
      AssertionError error = new AssertionError("after the test: " + leaks + " stream(s) opened and never closed; "
          + (problems.size() - leaks) + " failure(s) cleaning up; objects left under the root that the test did not write: "
          + leftovers);
      problems.forEach(error::addSuppressed);
      throw error;
    }
  }

  private void deleteWithVersions(String key, List<Throwable> problems) {
    StorageProvider raw = provider.underTest();
    try {
      raw.delete(key);
      if (supports(Capability.NATIVE_VERSIONING)) {
        for (ObjectVersion version : raw.versions(key)) {
          if (version.key().equals(key)) {
            raw.deleteVersion(key, version.versionId());
          }
        }
      }
    } catch (StockageException e) {
      // A key the provider refuses (the invalid-key tests) cannot have been written.
      if (e.kind() != ErrorKind.INVALID_ARGUMENT) {
        problems.add(e);
      }
    } catch (RuntimeException e) {
      problems.add(e);
    }
  }

  private static void abortQuietly(MultipartWrite upload) {
    try {
      upload.abort();
    } catch (StockageException e) {
      // Already gone: the test finished or aborted it through another handle.
    }
  }
}
